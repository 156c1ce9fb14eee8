using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FactGen.Tests.Infrastructure;

/// <summary>
/// Walks an object graph through every instance field (public or not, base classes included), array
/// element and boxed value — so records, tuples, <c>EquatableArray</c>, <c>ImmutableArray</c> and
/// collections are all entered — and reports every object of a Roslyn type that must not live in an
/// incremental pipeline's models: it would pin compilations in memory and defeat caching.
/// </summary>
public static class ModelGraphWalker
{
    /// <summary>The types no pipeline model may hold (or derive from).</summary>
    public static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Compilation),
        typeof(Location), typeof(AdditionalText),
    };

    public sealed record Finding(string Path, Type Type)
    {
        public override string ToString() => Path + ": " + Type.FullName;
    }

    public sealed class Result
    {
        public List<Finding> Findings { get; } = new();

        /// <summary>Every runtime type met, to prove the walk went deep.</summary>
        public HashSet<Type> TypesSeen { get; } = new();

        public int Visited { get; internal set; }
    }

    /// <summary>
    /// Walks <paramref name="root"/>. <paramref name="allow"/> may accept a forbidden object at a given
    /// path (it is then not entered either).
    /// </summary>
    public static Result Walk(object? root, string rootName, Func<string, object, bool>? allow = null, Result? into = null, int maxObjects = 2_000_000)
    {
        var result = into ?? new Result();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(object? Value, string Path)>();
        stack.Push((root, rootName));
        while (stack.Count > 0)
        {
            var (value, path) = stack.Pop();
            if (value is null) continue;
            Type type = value.GetType();
            result.TypesSeen.Add(type);
            if (Forbidden.Any(f => f.IsAssignableFrom(type)))
            {
                if (allow is null || !allow(path, value)) result.Findings.Add(new Finding(path, type));
                continue;
            }
            if (IsLeaf(type)) continue;
            if (!type.IsValueType && !seen.Add(value)) continue;
            if (++result.Visited > maxObjects) throw new InvalidOperationException("object graph larger than " + maxObjects + " objects at " + path);

            if (value is Array array)
            {
                if (IsLeaf(type.GetElementType()!)) continue;
                int i = 0;
                foreach (object? item in array) stack.Push((item, path + "[" + i++ + "]"));
                continue;
            }
            for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            {
                foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike) continue;
                    stack.Push((field.GetValue(value), path + "." + FieldName(field)));
                }
            }
        }
        return result;
    }

    /// <summary>Values that cannot hold references to other objects (or only to runtime metadata).</summary>
    private static bool IsLeaf(Type type)
        => type.IsPrimitive || type.IsEnum || type.IsPointer || type == typeof(string) || type == typeof(decimal)
           || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(Guid)
           || typeof(MemberInfo).IsAssignableFrom(type);

    /// <summary><c>&lt;Name&gt;k__BackingField</c> → <c>Name</c>.</summary>
    private static string FieldName(FieldInfo field)
    {
        string name = field.Name;
        return name.StartsWith('<') && name.IndexOf('>') is var end and > 0 ? name.Substring(1, end - 1) : name;
    }
}
