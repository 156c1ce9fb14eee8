namespace FactGen.Emit;

/// <summary>One generated source: equal when name and text are, so an unchanged file is not added again.</summary>
internal sealed record GeneratedFile(string HintName, string Source);
