using Microsoft.CodeAnalysis.CSharp;

namespace FactGen.Linking;

/// <summary>Maps fact ids to C# identifiers: <c>he-lifeng</c> → <c>HeLifeng</c>.</summary>
internal static class Naming
{
    /// <summary>Members every generated fact class has; a fact may not take their names.</summary>
    public static readonly string[] ReservedMembers =
    {
        "All", "Find", "TryGet", "Ids", "Between", "FromCountry",
        "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    /// <summary>The PascalCase of a kebab-case id. Digits stay; each hyphen-separated word is capitalized.</summary>
    public static string ToPascalCase(string id)
    {
        // One buffer and one string per id (linking names every fact on every structural edit).
        char[] name = new char[id.Length];
        int length = 0;
        bool upper = true;
        foreach (char c in id)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }
            name[length++] = upper ? char.ToUpperInvariant(c) : c;
            upper = false;
        }
        return new string(name, 0, length);
    }

    /// <summary>The name as it must be written in C#: keywords escaped with '@'.</summary>
    public static string Escape(string name)
        => !StartsUpper(name) // every keyword is lower case: a PascalCase name is none (the lookup hashes the name)
            && (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || name == "var")
            ? "@" + name
            : name;

    private static bool StartsUpper(string name) => name.Length > 0 && name[0] >= 'A' && name[0] <= 'Z';

    /// <summary>An ASCII letter first, then ASCII letters and digits: a valid identifier without asking Roslyn.</summary>
    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || !(name[0] is >= 'A' and <= 'Z' or >= 'a' and <= 'z')) return false;
        foreach (char c in name)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9')) return false;
        }
        return true;
    }

    /// <summary>Why <paramref name="name"/> cannot be a member of class <paramref name="className"/>, or null.</summary>
    public static string? Problem(string name, string className)
    {
        if (name == className) return "its C# name '" + name + "' is the name of the class " + className + " itself";
        foreach (string reserved in ReservedMembers)
        {
            if (reserved == name) return "its C# name '" + name + "' clashes with the generated member " + className + "." + name;
        }
        if (!IsPlainIdentifier(name) && !SyntaxFacts.IsValidIdentifier(name)) return "its C# name '" + name + "' is not a valid C# identifier";
        return null;
    }
}
