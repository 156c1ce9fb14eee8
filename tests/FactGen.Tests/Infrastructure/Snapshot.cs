using System.Text;
using Xunit.Sdk;

namespace FactGen.Tests.Infrastructure;

/// <summary>
/// Snapshot testing without the Verify package: generated text is compared with a committed
/// <c>*.verified.cs</c> file in the source tree. On a mismatch the actual text is written beside it as
/// <c>*.received.cs</c> (git-ignored) and the test fails with a unified-style diff of the first differing
/// lines. Setting the environment variable <c>FACTGEN_ACCEPT=1</c> accepts: the verified file is
/// overwritten (or created) and the test passes.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "FACTGEN_ACCEPT";

    public const string VerifiedSuffix = ".verified.cs";

    public const string ReceivedSuffix = ".received.cs";

    /// <summary>Where verified files live: the source tree, never bin/.</summary>
    public static string Root => Path.Combine(Repo.Root, "tests", "FactGen.Tests", "Snapshots");

    public static bool AcceptFromEnvironment => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>
    /// Verifies a set of generated sources (hint name → text) against the folder <c>Snapshots/{name}/</c>:
    /// one verified file per hint name, and no verified file without a source.
    /// </summary>
    public static void VerifySources(string name, IReadOnlyDictionary<string, string> sources)
    {
        string directory = Path.Combine(Root, name);
        var failures = VerifyDirectory(directory, sources, AcceptFromEnvironment);
        if (failures.Count > 0) throw new XunitException(string.Join("\n\n", failures));
    }

    /// <summary>The check behind <see cref="VerifySources"/>, with <paramref name="accept"/> explicit so it can be tested.</summary>
    public static List<string> VerifyDirectory(string directory, IReadOnlyDictionary<string, string> sources, bool accept)
    {
        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hint, text) in sources.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            string verified = Path.Combine(directory, VerifiedName(hint));
            expectedFiles.Add(Path.GetFileName(verified));
            string? failure = Check(verified, text, accept);
            if (failure is not null) failures.Add(failure);
        }
        foreach (string stale in Directory.GetFiles(directory, "*" + VerifiedSuffix).Order(StringComparer.Ordinal))
        {
            if (expectedFiles.Contains(Path.GetFileName(stale))) continue;
            if (accept)
            {
                File.Delete(stale);
                continue;
            }
            failures.Add($"{Relative(stale)}: verified file has no generated source any more (remove it, or run with {AcceptVariable}=1).");
        }
        return failures;
    }

    /// <summary>
    /// Compares <paramref name="actual"/> with the file at <paramref name="verifiedPath"/>. Returns null on a match
    /// (removing a stale received file), else a message with a diff after writing the received file.
    /// </summary>
    public static string? Check(string verifiedPath, string actual, bool accept)
    {
        if (!verifiedPath.EndsWith(VerifiedSuffix, StringComparison.Ordinal)) throw new ArgumentException("not a *" + VerifiedSuffix + " path", nameof(verifiedPath));
        string receivedPath = verifiedPath.Substring(0, verifiedPath.Length - VerifiedSuffix.Length) + ReceivedSuffix;
        string? expected = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, Encoding.UTF8)) : null;
        if (expected == actual)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return null;
        }
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return null;
        }
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var message = new StringBuilder();
        if (expected is null)
        {
            message.Append(Relative(verifiedPath)).Append(": no verified file yet; the output was written to ")
                .Append(Relative(receivedPath)).Append(". Review it, then rename it or run the tests with ")
                .Append(AcceptVariable).Append("=1.");
        }
        else
        {
            message.Append(Relative(verifiedPath)).Append(": generated text differs (actual written to ")
                .Append(Relative(receivedPath)).Append("; accept with ").Append(AcceptVariable).Append("=1)\n")
                .Append(Diff(expected, actual));
        }
        return message.ToString();
    }

    /// <summary><c>FactGen.Data.g.cs</c> → <c>FactGen.Data.g.verified.cs</c>.</summary>
    public static string VerifiedName(string hintName)
        => (hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 3) : hintName) + VerifiedSuffix;

    /// <summary>
    /// A unified-style diff of the region where the texts differ: the common leading and trailing lines are
    /// cut, the rest shown as '-' (verified) and '+' (actual) lines with three lines of context, capped
    /// at <paramref name="maxLines"/> lines per side. Long lines are cut around the first differing column.
    /// </summary>
    public static string Diff(string expected, string actual, int maxLines = 20)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix]) suffix++;
        int contextStart = Math.Max(0, prefix - 3);
        int aEnd = a.Length - suffix, bEnd = b.Length - suffix;
        int column = prefix < a.Length && prefix < b.Length ? FirstDifference(a[prefix], b[prefix]) : 0;

        var sb = new StringBuilder();
        sb.Append("first difference at line ").Append(prefix + 1).Append(", column ").Append(column + 1).Append('\n');
        sb.Append("@@ -").Append(contextStart + 1).Append(',').Append(aEnd - contextStart)
          .Append(" +").Append(contextStart + 1).Append(',').Append(bEnd - contextStart).Append(" @@\n");
        for (int i = contextStart; i < prefix; i++) sb.Append("  ").Append(Cut(a[i], 0)).Append('\n');
        AppendSide(sb, '-', a, prefix, aEnd, maxLines, column);
        AppendSide(sb, '+', b, prefix, bEnd, maxLines, column);
        for (int i = aEnd; i < Math.Min(a.Length, aEnd + 3); i++) sb.Append("  ").Append(Cut(a[i], 0)).Append('\n');
        return sb.ToString();
    }

    private static void AppendSide(StringBuilder sb, char sign, string[] lines, int from, int to, int maxLines, int column)
    {
        for (int i = from; i < to && i < from + maxLines; i++) sb.Append(sign).Append(' ').Append(Cut(lines[i], i == from ? column : 0)).Append('\n');
        if (to - from > maxLines) sb.Append(sign).Append(" … ").Append(to - from - maxLines).Append(" more lines\n");
    }

    private static int FirstDifference(string x, string y)
    {
        int i = 0;
        while (i < x.Length && i < y.Length && x[i] == y[i]) i++;
        return i;
    }

    /// <summary>A line shortened to at most 200 characters around <paramref name="around"/>, invisible characters shown as escapes.</summary>
    private static string Cut(string line, int around)
    {
        const int Width = 200;
        if (line.Length <= Width) return Visible(line);
        int start = Math.Max(0, Math.Min(around - (Width / 2), line.Length - Width));
        return (start > 0 ? "…" : string.Empty) + Visible(line.Substring(start, Width)) + (start + Width < line.Length ? "…" : string.Empty);
    }

    /// <summary>Control and format characters (\r, \t, a BOM, bidi marks) as <c>\uXXXX</c>, so lines that differ only in them differ visibly.</summary>
    private static string Visible(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Verified files may have been checked out with CRLF line ends; generated text always uses LF.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string Relative(string path)
    {
        string full = Path.GetFullPath(path);
        return full.StartsWith(Repo.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full.Substring(Repo.Root.Length + 1) : full;
    }
}
