using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace FactGen.Benchmarks.Infrastructure;

/// <summary>IL sizes of the methods of an emitted assembly (System.Reflection.Metadata: MethodBodyBlock.Size).</summary>
public static class IlSize
{
    public sealed record Method(string Name, int Size);

    /// <summary>Every method with a body, largest first.</summary>
    public static List<Method> Methods(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        MetadataReader md = pe.GetMetadataReader();
        var result = new List<Method>();
        foreach (TypeDefinitionHandle th in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(th);
            string typeName = md.GetString(type.Namespace) is { Length: > 0 } ns ? ns + "." + md.GetString(type.Name) : md.GetString(type.Name);
            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(mh);
                if (method.RelativeVirtualAddress == 0) continue;
                MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                result.Add(new Method(typeName + "." + md.GetString(method.Name), body.Size));
            }
        }
        result.Sort((a, b) => b.Size != a.Size ? b.Size.CompareTo(a.Size) : string.CompareOrdinal(a.Name, b.Name));
        return result;
    }

    public static Method Largest(byte[] image) => Methods(image)[0];
}
