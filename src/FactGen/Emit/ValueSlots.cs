using System.Collections.Generic;
using FactGen.Model;

namespace FactGen.Emit;

/// <summary>
/// The values a fact's own file carries (what <see cref="Linking.Structure"/> blanks), in their order: every fact
/// has a fixed number of slots for its kind, so the shared data tables can name a value's slot from the structure
/// alone while the value itself sits in the chunk of its file. Slot order: evidence, note, deprecated, then the kind's own.
/// The generated model reads them by these offsets (Templates/Model.cs: FactData.Value(ValueSlot + n)).
/// </summary>
internal static class ValueSlots
{
    /// <summary>Offset of the deprecation reason among a fact's slots (every kind starts with evidence, note, deprecated).</summary>
    public const int Deprecated = 2;

    public static int Count(FactKind kind) => kind switch
    {
        FactKind.Source => 4,
        FactKind.Organization => 6,
        FactKind.Title => 4,
        FactKind.Official => 6,
        FactKind.Event => 6,
        FactKind.Agreement => 5,
        _ => 4,
    };

    /// <summary>Appends the values of <paramref name="fact"/> (a parsed fact of any kind) in slot order.</summary>
    public static void Add(List<string?> values, object fact)
    {
        switch (fact)
        {
            case SourceFact s:
                Common(values, s.Header);
                values.Add(s.Url);
                break;
            case OrganizationFact o:
                Common(values, o.Header);
                values.Add(o.Abbreviation);
                values.Add(o.Native); // native and country at the same slots as an official's (Actor reads them)
                values.Add(o.Country.Value);
                break;
            case TitleFact t:
                Common(values, t.Header);
                values.Add(t.Country.Value);
                break;
            case OfficialFact o:
                Common(values, o.Header);
                values.Add(o.Romanized?.Value);
                values.Add(o.Native?.Value);
                values.Add(o.Country.Value);
                break;
            case EventFact e:
                Common(values, e.Header);
                values.Add(e.Name);
                values.Add(e.Summary);
                values.Add(e.Place);
                break;
            case AgreementFact a:
                Common(values, a.Header);
                values.Add(a.Name);
                values.Add(a.Summary);
                break;
            case QuoteFact q:
                Common(values, q.Header);
                values.Add(q.Text.Value);
                break;
            default:
                throw new System.ArgumentException("not a fact: " + fact.GetType().Name, nameof(fact));
        }
    }

    private static void Common(List<string?> values, FactHeader header)
    {
        values.Add(header.Provenance.Evidence?.Value);
        values.Add(header.Provenance.Note);
        values.Add(header.Provenance.Deprecated);
    }
}
