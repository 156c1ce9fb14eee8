using System;
using System.Collections;
using System.Collections.Generic;

namespace FactGen.Model;

/// <summary>An immutable array with value equality, so pipeline models compare by content and cache.</summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(Array.Empty<T>());

    private readonly T[]? _items;

    public EquatableArray(T[] items) => _items = items;

    public int Count => _items?.Length ?? 0;

    public T this[int index] => _items![index];

    public ReadOnlySpan<T> AsSpan() => _items ?? Array.Empty<T>();

    public bool Equals(EquatableArray<T> other)
    {
        if (ReferenceEquals(_items, other._items)) return true; // the same array: a cached model compared with itself
        ReadOnlySpan<T> a = AsSpan(), b = other.AsSpan();
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    /// <summary>True when both wrap the same array (a cheap identity check, not value equality).</summary>
    public bool SameItems(EquatableArray<T> other) => ReferenceEquals(_items, other._items) || (Count == 0 && other.Count == 0);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (T item in AsSpan()) hash = (hash * 31) + (item is null ? 0 : item.GetHashCode());
            return hash;
        }
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal static class EquatableArray
{
    public static EquatableArray<T> From<T>(List<T>? items) where T : IEquatable<T>
        => items is null || items.Count == 0 ? EquatableArray<T>.Empty : new EquatableArray<T>(items.ToArray());
}
