namespace FactGen.IntegrationTests.Infrastructure;

public static class Lines
{
    /// <summary>The non-empty lines of a process's output, without line-end characters.</summary>
    public static string[] Of(string output)
        => output.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
}
