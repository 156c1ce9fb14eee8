using System.Text.Json.Nodes;
using FactGen.Model;
using FactGen.Parsing;
using Xunit;

namespace FactGen.Tests.Schema;

/// <summary>
/// Keeps factgen.schema.json in step with <see cref="FactSchema"/>, the parser's single source of truth for
/// fields: a field added to one and not the other fails here.
/// </summary>
public class SchemaFieldsTests
{
    [Fact]
    public void TopLevelListsAreTheParsersLists()
    {
        Assert.Equal(
            FactSchema.Lists.Select(l => l.List).Order(StringComparer.Ordinal),
            Keys(FactSchemaFile.Document["properties"]!.AsObject()));
        Assert.False(FactSchemaFile.Document["additionalProperties"]!.GetValue<bool>());
        foreach (var (list, kind) in FactSchema.Lists)
        {
            JsonObject listSchema = FactSchemaFile.Document["properties"]![list]!.AsObject();
            Assert.Equal("#/definitions/" + FactSchema.Singular(kind), listSchema["items"]!["$ref"]!.GetValue<string>());
        }
    }

    [Fact]
    public void EachKindHasTheParsersFieldsAndRequiredFields()
    {
        var mismatches = new List<string>();
        foreach (FactKind kind in Enum.GetValues<FactKind>())
        {
            string name = FactSchema.Singular(kind);
            JsonObject item = FactSchemaFile.Definitions[name]!.AsObject();
            string[] expected = FactSchema.CommonFields.Concat(FactSchema.FieldsOf(kind)).Order(StringComparer.Ordinal).ToArray();
            string[] actual = Keys(item["properties"]!.AsObject());
            if (!expected.SequenceEqual(actual)) mismatches.Add($"{name} fields: parser [{string.Join(", ", expected)}], schema [{string.Join(", ", actual)}]");

            string[] expectedRequired = new[] { "id" }.Concat(FactSchema.RequiredOf(kind)).Order(StringComparer.Ordinal).ToArray();
            string[] actualRequired = item["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray();
            if (!expectedRequired.SequenceEqual(actualRequired)) mismatches.Add($"{name} required: parser [{string.Join(", ", expectedRequired)}], schema [{string.Join(", ", actualRequired)}]");

            if (item["additionalProperties"]?.GetValue<bool>() != false) mismatches.Add(name + " allows unknown fields");
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public void PositionsHaveTheParsersPositionFields()
    {
        JsonObject position = FactSchemaFile.Definitions["position"]!.AsObject();
        Assert.Equal(FactSchema.PositionFields.Order(StringComparer.Ordinal), Keys(position["properties"]!.AsObject()));
        Assert.False(position["additionalProperties"]!.GetValue<bool>());
        JsonObject positions = FactSchemaFile.Definitions["official"]!["properties"]!["positions"]!.AsObject();
        Assert.Equal("#/definitions/position", positions["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void ReferenceMappingsHaveTheParsersReferenceFields()
    {
        string[] official = Keys(FactSchemaFile.Definitions["officialRefObject"]!["properties"]!.AsObject());
        string[] organization = Keys(FactSchemaFile.Definitions["organizationRefObject"]!["properties"]!.AsObject());
        Assert.Equal(FactSchema.RefFields.Order(StringComparer.Ordinal), official.Union(organization).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EventKindsAreTheParsersKinds()
    {
        JsonObject kind = FactSchemaFile.Definitions["eventKind"]!.AsObject();
        Assert.Equal(FactSchema.EventKinds, kind["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(FactSchema.KindsHint, string.Join(", ", FactSchema.EventKinds));
    }

    [Theory]
    [InlineData("he-lifeng")]
    [InlineData("g20-bali-summit")]
    [InlineData("a")]
    [InlineData("a1-2b")]
    [InlineData("He-Lifeng")]
    [InlineData("he_lifeng")]
    [InlineData("he--lifeng")]
    [InlineData("-he")]
    [InlineData("he-")]
    [InlineData("1st-meeting")]
    [InlineData("")]
    public void IdPatternAgreesWithTheParser(string id)
    {
        string pattern = FactSchemaFile.Definitions["id"]!["pattern"]!.GetValue<string>();
        Assert.Equal(FactParser.IsValidId(id), System.Text.RegularExpressions.Regex.IsMatch(id, pattern));
        Assert.Equal(pattern, FactSchemaFile.Definitions["idRef"]!["pattern"]!.GetValue<string>());
    }

    [Fact]
    public void EveryFieldAndDefinitionHasADescription()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(FactSchemaFile.Document["description"]?.GetValue<string>())) missing.Add("(root)");
        foreach (var (name, definition) in FactSchemaFile.Definitions)
        {
            if (string.IsNullOrWhiteSpace(definition!["description"]?.GetValue<string>())) missing.Add("definitions/" + name);
        }
        Walk(FactSchemaFile.Document, "", missing);
        Assert.True(missing.Count == 0, "no description: " + string.Join(", ", missing));
    }

    /// <summary>Every entry of every "properties" object, anywhere in the schema, carries its own description (what hover shows).</summary>
    private static void Walk(JsonNode? node, string path, List<string> missing)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (key == "properties" && value is JsonObject properties)
                {
                    foreach (var (field, schema) in properties)
                    {
                        if (string.IsNullOrWhiteSpace(schema?["description"]?.GetValue<string>())) missing.Add(path + "/properties/" + field);
                    }
                }
                Walk(value, path + "/" + key, missing);
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++) Walk(array[i], path + "/" + i, missing);
        }
    }

    private static string[] Keys(JsonObject obj) => obj.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
}
