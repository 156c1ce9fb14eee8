using System.Diagnostics;
using System.Text;

namespace FactGen.IntegrationTests.Infrastructure;

/// <summary>What a finished process did: its command line, exit code, and interleaved stdout/stderr.</summary>
public sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>A report for assertion messages: the command, where it ran, how it ended, and everything it printed.</summary>
    public string Describe()
        => $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s. Output:{Environment.NewLine}{Output}";
}

/// <summary>Runs external processes with a timeout, capturing their output as UTF-8.</summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        string commandLine = fileName + " " + string.Join(" ", arguments.Select(Quote));
        var output = new StringBuilder();
        var gate = new object();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            string printed;
            lock (gate) printed = output.ToString();
            throw new TimeoutException($"`{commandLine}` in {workingDirectory} did not finish within {timeout.TotalSeconds:0} s and was killed. Output so far:{Environment.NewLine}{printed}");
        }
        process.WaitForExit(); // drains the asynchronous output readers
        stopwatch.Stop();
        string text;
        lock (gate) text = output.ToString();
        return new ProcessResult(commandLine, workingDirectory, process.ExitCode, text, stopwatch.Elapsed);
    }

    private static string Quote(string argument)
        => argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\'', ';' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
}
