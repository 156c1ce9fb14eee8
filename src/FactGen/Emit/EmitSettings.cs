namespace FactGen.Emit;

/// <summary>What the emitted code depends on besides the facts: from MSBuild properties.</summary>
internal sealed record EmitSettings(string Namespace, bool Public, string? ProjectDirectory)
{
    public static readonly EmitSettings Default = new("Facts", false, null);

    public string Visibility => Public ? "public" : "internal";
}
