using FactGen.Parsing;
using Xunit;

namespace FactGen.Tests.Rules;

/// <summary>The id pattern of FG0004: kebab-case ASCII, anchored at the very end (a .NET '$' would also accept a trailing newline).</summary>
public class IdPatternTests
{
    [Theory]
    [InlineData("he-lifeng")]
    [InlineData("g20-bali-summit")]
    [InlineData("a")]
    public void KebabCaseIdsAreValid(string id) => Assert.True(FactParser.IsValidId(id));

    [Theory]
    [InlineData("abc\n")]
    [InlineData("he-lifeng\n")]
    [InlineData("He-Lifeng")]
    [InlineData("he--lifeng")]
    [InlineData("-he")]
    [InlineData("he-")]
    [InlineData("1abc")]
    [InlineData("")]
    public void OtherIdsAreRefused(string id) => Assert.False(FactParser.IsValidId(id));
}
