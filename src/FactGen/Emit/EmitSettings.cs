namespace FactGen.Emit;

/// <summary>
/// What the emitted code depends on besides the facts: from MSBuild properties, and whether the consumer's C#
/// has UTF-8 string literals (C# 11), which put the int tables in the assembly's data, not its string heap.
/// <see cref="Utf8TablesAlways"/> (<c>FactGenUtf8Tables=always</c>) asks for them at any size: faster start-up (the
/// runtime does not load the tables as a string), slower compile.
/// </summary>
internal sealed record EmitSettings(string Namespace, bool Public, string? ProjectDirectory, bool Utf8Literals = false, bool Utf8TablesAlways = false)
{
    public static readonly EmitSettings Default = new("Facts", false, null);

    public string Visibility => Public ? "public" : "internal";
}
