using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FactGen.Tests.Schema;

/// <summary>
/// Converts a fact file to the JSON a YAML language server would validate, the way FactGen reads it:
/// every scalar is text (dates and numbers stay strings, as the parser sees them), and a plain empty,
/// <c>~</c> or <c>null</c> scalar is null (the parser treats those as absent).
/// </summary>
public static class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0) return null;
        if (stream.Documents.Count > 1) throw new InvalidOperationException("a fact file holds one YAML document");
        return Convert(stream.Documents[0].RootNode);
    }

    public static JsonElement ToElement(JsonNode? node) => JsonSerializer.SerializeToElement(node);

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlScalarNode scalar => IsNull(scalar) ? null : JsonValue.Create(scalar.Value ?? string.Empty),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlMappingNode mapping => ConvertMapping(mapping),
        _ => throw new InvalidOperationException("unexpected YAML node " + node.NodeType),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name }) throw new InvalidOperationException("a mapping key is not a scalar at " + key.Start);
            result.Add(name, Convert(value));
        }
        return result;
    }

    private static bool IsNull(YamlScalarNode scalar)
        => scalar.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(scalar.Value) || scalar.Value == "~" || scalar.Value == "null");
}
