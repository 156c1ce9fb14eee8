using System;
using System.Globalization;
using FactGen.Emit;
using FactGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FactGen;

/// <summary>Reads FactGen's MSBuild properties (made visible to the compiler by build/FactGen.props).</summary>
internal static class GeneratorSettings
{
    public const string NamespaceProperty = "FactGenNamespace";
    public const string VisibilityProperty = "FactGenVisibility";
    public const string Utf8TablesProperty = "FactGenUtf8Tables";

    /// <summary>AdditionalFiles item metadata that marks FactGen's inputs: <c>facts</c> or <c>source</c>.</summary>
    public const string KindMetadata = "FactGenKind";

    public static EmitSettings ReadEmit(AnalyzerConfigOptions global)
    {
        string? ns = Get(global, NamespaceProperty);
        if (ns is null)
        {
            string? root = Get(global, "RootNamespace");
            ns = root is null ? "Facts" : root + ".Facts";
        }
        string visibility = Get(global, VisibilityProperty) ?? "internal";
        bool utf8Always = string.Equals(Get(global, Utf8TablesProperty), "always", StringComparison.OrdinalIgnoreCase);
        return new EmitSettings(ns, string.Equals(visibility, "public", StringComparison.OrdinalIgnoreCase), Get(global, "ProjectDir"), Utf8TablesAlways: utf8Always);
    }

    public static ParseLimits ReadLimits(AnalyzerConfigOptions global)
    {
        ParseLimits d = ParseLimits.Default;
        return new ParseLimits(
            Int(global, ParseLimits.MaxFileLengthProperty, d.MaxFileLength),
            Int(global, ParseLimits.MaxDepthProperty, d.MaxDepth),
            Int(global, ParseLimits.MaxScalarLengthProperty, d.MaxScalarLength),
            Int(global, ParseLimits.MaxNodesProperty, d.MaxNodes));
    }

    /// <summary>
    /// Whether an additional file is a fact file: metadata <c>FactGenKind=facts</c>, or — when the file has no
    /// such metadata (hand-written AdditionalFiles, tests) — a .yaml/.yml extension.
    /// </summary>
    public static bool IsFactFile(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        string? kind = Get(options.GetOptions(file), "build_metadata.AdditionalFiles." + KindMetadata, prefixed: false);
        if (kind is not null) return string.Equals(kind, "facts", StringComparison.OrdinalIgnoreCase);
        return file.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Get(AnalyzerConfigOptions options, string name, bool prefixed = true)
        => options.TryGetValue(prefixed ? "build_property." + name : name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int Int(AnalyzerConfigOptions options, string name, int fallback)
        => Get(options, name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;
}
