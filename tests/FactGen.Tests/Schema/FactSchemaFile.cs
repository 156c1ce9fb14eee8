using System.Text.Json;
using System.Text.Json.Nodes;
using FactGen.Tests.Infrastructure;
using Json.Schema;

namespace FactGen.Tests.Schema;

/// <summary>src/FactGen/factgen.schema.json, as a validator and as a JSON document to inspect.</summary>
public static class FactSchemaFile
{
    public static string Path => System.IO.Path.Combine(Repo.Root, "src", "FactGen", "factgen.schema.json");

    public static string Text { get; } = File.ReadAllText(Path);

    public static JsonSchema Schema { get; } = JsonSchema.FromText(Text);

    public static JsonObject Document { get; } = JsonNode.Parse(Text)!.AsObject();

    public static JsonObject Definitions => Document["definitions"]!.AsObject();

    /// <summary>Validates a fact file's text; returns the failed assertions ("/path: message"), empty when valid.</summary>
    public static List<string> Validate(string yaml)
    {
        JsonElement instance = YamlToJson.ToElement(YamlToJson.Convert(yaml));
        EvaluationResults results = Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = new List<string>();
        if (results.IsValid) return errors;
        foreach (EvaluationResults detail in results.Details ?? (IReadOnlyList<EvaluationResults>)Array.Empty<EvaluationResults>())
        {
            if (detail.Errors is null) continue;
            foreach (var (keyword, message) in detail.Errors) errors.Add(detail.InstanceLocation + " (" + detail.EvaluationPath + "): " + keyword + ": " + message);
        }
        if (errors.Count == 0) errors.Add("invalid (no details)");
        return errors;
    }

    /// <summary>Follows a local <c>$ref</c> ("#/definitions/x") to the schema object it names.</summary>
    public static JsonObject Resolve(JsonObject schema)
    {
        for (int hops = 0; schema["$ref"] is JsonValue reference; hops++)
        {
            if (hops > 10) throw new InvalidOperationException("$ref loop");
            string target = reference.GetValue<string>();
            const string Prefix = "#/definitions/";
            if (!target.StartsWith(Prefix, StringComparison.Ordinal)) throw new InvalidOperationException("non-local $ref " + target);
            schema = Definitions[target[Prefix.Length..]]!.AsObject();
        }
        return schema;
    }
}
