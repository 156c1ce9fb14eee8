using System.Collections.Generic;

namespace FactGen.Linking;

/// <summary>
/// Pure string path handling (no file system access: analyzers must not do I/O), for resolving a
/// source's <c>file</c> against the fact file's folder and comparing it with AdditionalFiles paths.
/// </summary>
internal static class PathUtil
{
    public static string Directory(string path)
    {
        int cut = path.LastIndexOfAny(new[] { '/', '\\' });
        return cut < 0 ? string.Empty : path.Substring(0, cut);
    }

    public static string Combine(string directory, string relative)
    {
        if (relative.StartsWith("/", System.StringComparison.Ordinal) || (relative.Length > 1 && relative[1] == ':')) return relative;
        return directory.Length == 0 ? relative : directory + "/" + relative;
    }

    /// <summary>Forward slashes, no '.' segments, '..' folded, no doubled separators.</summary>
    public static string Normalize(string path)
    {
        string p = path.Replace('\\', '/');
        bool rooted = p.StartsWith("/", System.StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (string part in p.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }
}
