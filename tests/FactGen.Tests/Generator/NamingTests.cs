using FactGen.Linking;
using Xunit;

namespace FactGen.Tests.Generator;

/// <summary>
/// Ids → C# member names. The fast paths (a name that starts upper case is no keyword; ASCII letters and digits need no
/// Roslyn check) must agree with Roslyn's answers, which the slow paths still ask.
/// </summary>
public class NamingTests
{
    [Theory]
    [InlineData("he-lifeng", "HeLifeng")]
    [InlineData("g7-summit-2024", "G7Summit2024")]
    [InlineData("li-qiang", "LiQiang")]
    [InlineData("élysée-palace", "ÉlyséePalace")]
    [InlineData("a--b-", "AB")]
    [InlineData("x", "X")]
    [InlineData("2024-talks", "2024Talks")]
    public void IdsBecomePascalCase(string id, string expected) => Assert.Equal(expected, Naming.ToPascalCase(id));

    [Theory]
    [InlineData("class", "@class")]
    [InlineData("var", "@var")]
    [InlineData("__arglist", "@__arglist")]
    [InlineData("Class", "Class")]
    [InlineData("HeLifeng", "HeLifeng")]
    [InlineData("async", "async")] // contextual keywords other than var are usable names
    [InlineData("Ünter", "Ünter")]
    public void KeywordsAreEscapedAndNothingElse(string name, string expected) => Assert.Equal(expected, Naming.Escape(name));

    [Theory]
    [InlineData("HeLifeng", "Officials", null)]
    [InlineData("ÉlyséePalace", "Organizations", null)]
    [InlineData("G7Summit", "Events", null)]
    [InlineData("Officials", "Officials", "is the name of the class Officials itself")]
    [InlineData("Find", "Officials", "clashes with the generated member Officials.Find")]
    [InlineData("2024Talks", "Events", "is not a valid C# identifier")]
    [InlineData("A.B", "Events", "is not a valid C# identifier")]
    [InlineData("", "Events", "is not a valid C# identifier")]
    public void ProblemsAreFoundWithOrWithoutRoslyn(string name, string className, string? expected)
    {
        string? problem = Naming.Problem(name, className);
        if (expected is null) Assert.Null(problem);
        else Assert.Contains(expected, problem);
    }
}
