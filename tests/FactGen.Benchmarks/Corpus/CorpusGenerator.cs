using System.Globalization;
using System.Text;

namespace FactGen.Benchmarks.Corpus;

/// <summary>
/// Generates a synthetic, valid corpus of fact files: <c>officials</c> officials with proportional
/// organizations (1/10), titles (1/4), events (1/2), agreements (1/20), quotes (1/4) and sources (1/250),
/// split over <c>files</c> YAML files, plus the source texts their evidence excerpts are copied from.
/// Fixed seed: the same arguments give the same bytes on every machine.
/// <para>
/// Valid means no diagnostic, warnings included: ids are unique and kebab-case, every reference resolves,
/// terms of one-holder titles follow one another without overlap, every event, agreement and quote that names
/// a capacity (<c>as:</c>) is dated inside that term, trip days lie inside the trip, <c>name</c> is the ASCII
/// form of <c>romanized</c>, and every evidence excerpt is a line of the cited source's text.
/// </para>
/// </summary>
public sealed class CorpusGenerator
{
    public const ulong Seed = 20230829;
    public const string SyntheticRoot = "/corpus";

    private static readonly DateOnly s_first = new(1995, 1, 1);
    private static readonly DateOnly s_last = new(2025, 12, 31);
    private static readonly DateOnly s_inOffice = new(2025, 6, 30);

    private readonly Rng _rng = new(Seed);
    private readonly int _officialCount;
    private readonly List<Src> _sources = new();
    private readonly List<Org> _orgs = new();
    private readonly List<Tit> _titles = new();
    private readonly List<Off> _officials = new();
    private readonly List<Ev> _events = new();
    private readonly List<Agr> _agreements = new();
    private readonly List<Quo> _quotes = new();
    private readonly HashSet<string>[] _ids = Enumerable.Range(0, 7).Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();

    private CorpusGenerator(int officials) => _officialCount = officials;

    public static FactCorpus Generate(int officials, int files)
    {
        if (officials < 1) throw new ArgumentOutOfRangeException(nameof(officials));
        if (files < 1) throw new ArgumentOutOfRangeException(nameof(files));
        var g = new CorpusGenerator(officials);
        g.Build();
        return g.Render(new CorpusSpec(officials, files));
    }

    // ---- model ----------------------------------------------------------------------------------

    private enum Prec { Year, Month, Day }

    private readonly record struct D(DateOnly Day, Prec P)
    {
        public DateOnly Start => P switch
        {
            Prec.Year => new DateOnly(Day.Year, 1, 1),
            Prec.Month => new DateOnly(Day.Year, Day.Month, 1),
            _ => Day,
        };

        public DateOnly End => P switch
        {
            Prec.Year => new DateOnly(Day.Year, 12, 31),
            Prec.Month => new DateOnly(Day.Year, Day.Month, DateTime.DaysInMonth(Day.Year, Day.Month)),
            _ => Day,
        };

        public override string ToString() => P switch
        {
            Prec.Year => Day.ToString("yyyy", CultureInfo.InvariantCulture),
            Prec.Month => Day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private sealed class Prov
    {
        public List<Src> Sources { get; } = new();
        public string? Evidence { get; set; }
        public string? Note { get; set; }
        public string? Deprecated { get; set; }
    }

    private sealed class Src
    {
        public required string Id { get; init; }
        public required string Title { get; init; }
        public required string File { get; init; }
        public required D Published { get; init; }
        public string? Url { get; init; }
        public string? Note { get; init; }
        public StringBuilder Text { get; } = new();
    }

    private sealed class Org
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public string? Native { get; init; }
        public string? Abbreviation { get; init; }
        public required Country Country { get; init; }
        public required bool National { get; init; }
        public required Portfolio Portfolio { get; init; }
        public string? City { get; init; }
        public Prov Prov { get; } = new();
    }

    private sealed class Tit
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public Org? Org { get; init; }
        public required Country Country { get; init; }
        public required bool One { get; init; }
        public DateOnly Cursor { get; set; }
        public bool Closed { get; set; }
        public Prov Prov { get; } = new();
    }

    private sealed class Pos
    {
        public required Tit Title { get; init; }
        public D? From { get; set; }
        public D? To { get; set; }
        public Prov Prov { get; } = new();
    }

    private sealed class Off
    {
        public required string Id { get; init; }
        public required PersonName Names { get; init; }
        public required Country Country { get; init; }
        public List<Pos> Positions { get; } = new();
        public List<string> Aliases { get; } = new();
        public Prov Prov { get; } = new();
    }

    private sealed class Part
    {
        public Off? Official { get; init; }
        public Org? Org { get; init; }
        public Tit? As { get; init; }
        public bool MapForm { get; init; }
    }

    private sealed class Ev
    {
        public required string Id { get; init; }
        public required string Kind { get; init; }
        public required string Name { get; init; }
        public string? Summary { get; set; }
        public D? Date { get; init; }
        public D? From { get; init; }
        public D? To { get; init; }
        public string? Location { get; init; }
        public List<Part> Participants { get; } = new();
        public Ev? PartOf { get; init; }
        public required string Topic { get; init; }
        public Prov Prov { get; } = new();
        public DateOnly Day => (Date ?? From)!.Value.Day;
    }

    private sealed class Agr
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required D Date { get; init; }
        public List<string> CountryParties { get; } = new();
        public List<Org> OrgParties { get; } = new();
        public List<Part> Negotiators { get; } = new();
        public Ev? Event { get; init; }
        public string? Summary { get; init; }
        public Prov Prov { get; } = new();
    }

    private sealed class Quo
    {
        public required string Id { get; init; }
        public required Part Speaker { get; init; }
        public required string Text { get; init; }
        public required D Date { get; init; }
        public Ev? Event { get; init; }
        public Prov Prov { get; } = new();
    }

    // ---- building -------------------------------------------------------------------------------

    private void Build()
    {
        int n = _officialCount;
        MakeSources(Math.Max(2, n / 250));
        MakeOrganizations(Math.Max(4, n / 10));
        MakeTitles(Math.Max(8, n / 4));
        MakeOfficials(n);
        MakeEvents(Math.Max(4, n / 2));
        MakeAgreements(Math.Max(1, n / 20));
        MakeQuotes(Math.Max(2, n / 4));
    }

    private void MakeSources(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            string number = i.ToString("D3", CultureInfo.InvariantCulture);
            var published = new D(new DateOnly(2025, 1, 1).AddDays(_rng.Next(365)), Prec.Day);
            var s = new Src
            {
                Id = Unique(0, "bulletin-" + number),
                Title = "Synthetic Policy Bulletin No. " + i.ToString(CultureInfo.InvariantCulture),
                File = "../seeds/bulletin-" + number + ".txt",
                Published = published,
                Url = _rng.Chance(50) ? "https://bulletins.example.org/" + number : null,
                Note = _rng.Chance(25) ? "A synthetic text written for FactGen's benchmarks; every evidence excerpt that cites it is one of its lines." : null,
            };
            s.Text.Append(s.Title).Append('\n').Append("Published ").Append(LongDate(published.Day)).Append(".\n\n");
            _sources.Add(s);
        }
    }

    private void MakeOrganizations(int count)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        int attempts = 0;
        while (_orgs.Count < count && attempts++ < count * 50)
        {
            Country c = PickCountry();
            Portfolio p = _rng.Pick(World.Portfolios);
            string nationalKey = c.Code + "/" + p.Slug;
            if (used.Add(nationalKey))
            {
                string name = c.Departments ? c.Adjective + " Department of " + p.Name : c.Adjective + " Ministry of " + p.Name;
                var org = new Org
                {
                    Id = Unique(1, Slug(name)),
                    Name = name,
                    Native = p.Native.TryGetValue(c.Code, out string? native) ? native : null,
                    Abbreviation = _rng.Chance(40) ? Abbreviate(c.Departments ? "Department of " + p.Name : "Ministry of " + p.Name) : null,
                    Country = c,
                    National = true,
                    Portfolio = p,
                };
                if (_rng.Chance(30)) Cite(org.Prov, "The " + name + " is responsible for " + p.Name.ToLowerInvariant() + " policy in " + c.Name + ".");
                _orgs.Add(org);
                continue;
            }
            string city = _rng.Pick(c.Cities);
            if (!used.Add(nationalKey + "/" + city)) continue;
            string bureau = city + " " + p.Name + " Bureau";
            var b = new Org
            {
                Id = Unique(1, Slug(c.Code + " " + bureau)),
                Name = bureau,
                Country = c,
                National = false,
                Portfolio = p,
                City = city,
            };
            if (_rng.Chance(20)) Cite(b.Prov, "The " + bureau + " reports to the national " + p.Name.ToLowerInvariant() + " authorities of " + c.Name + ".");
            _orgs.Add(b);
        }
    }

    private void MakeTitles(int count)
    {
        // Heads of government first (no organization), then roles round-robin over the organizations.
        foreach (Country c in World.Countries.Where(c => _orgs.Any(o => o.Country == c)))
        {
            if (_titles.Count >= Math.Max(1, count / 8)) break;
            string name = c.Code switch
            {
                "US" => "President of the United States",
                "CN" => "Premier of the State Council of China",
                _ => "Prime Minister of " + c.Name,
            };
            AddTitle(name, null, c, one: true);
        }
        for (int role = 0; role < 3 && _titles.Count < count; role++)
        {
            foreach (Org o in _orgs)
            {
                if (_titles.Count >= count) break;
                string p = o.Portfolio.Name;
                string adjective = o.Country.Adjective + " ";
                (string name, bool one) = (o.National, o.Country.Departments, role) switch
                {
                    (true, true, 0) => (adjective + "Secretary of " + p, true),
                    (true, true, 1) => (adjective + "Deputy Secretary of " + p, false),
                    (true, false, 0) => (adjective + "Minister of " + p, true),
                    (true, false, 1) => (adjective + "Deputy Minister of " + p, false),
                    (true, _, _) => ("Spokesperson of the " + o.Name, true),
                    (false, _, 0) => ("Director of the " + o.Name, true),
                    (false, _, 1) => ("Deputy Director of the " + o.Name, false),
                    _ => ("Chief Economist of the " + o.Name, true),
                };
                AddTitle(name, o, o.Country, one);
            }
        }
    }

    private void AddTitle(string name, Org? org, Country c, bool one)
    {
        var t = new Tit
        {
            Id = Unique(2, Slug((org is null ? "" : c.Code + " ") + name.Replace(c.Adjective + " ", "", StringComparison.Ordinal))),
            Name = name,
            Org = org,
            Country = c,
            One = one,
            Cursor = s_first.AddDays(_rng.Next(2000)),
        };
        if (_rng.Chance(30)) Cite(t.Prov, t.Org is null ? "The " + t.Name + " heads the government of " + c.Name + "." : "The " + t.Name + " is an office of the " + t.Org.Name + ".");
        _titles.Add(t);
    }

    private void MakeOfficials(int count)
    {
        var order = Enumerable.Range(0, _titles.Count).ToList();
        _rng.Shuffle(order);
        for (int i = 0; i < count; i++)
        {
            Tit title = _titles[order[i % order.Count]];
            Pos primary;
            if (title.One && !title.Closed)
            {
                DateOnly from = title.Cursor;
                DateOnly to = from.AddDays(_rng.Between(700, 2900));
                title.Cursor = to.AddDays(_rng.Between(1, 120));
                bool current = to > s_inOffice;
                if (current) title.Closed = true;
                primary = new Pos { Title = title, From = new D(from, Prec.Day), To = current ? null : new D(to, Prec.Day) };
            }
            else
            {
                if (title.One) title = ManyTitle(title.Country, title.Org) ?? ManyTitle(null, null)!;
                primary = ManyTerm(title);
            }
            Country c = title.Country;
            PersonName names = c.Names.Make(_rng);
            var o = new Off { Id = Unique(3, Slug(names.Name)), Names = names, Country = c };

            if (primary.From is { } pf && pf.Start > new DateOnly(1997, 1, 1) && _rng.Chance(35) && ManyTitle(c, null, except: primary.Title) is { } earlier)
            {
                DateOnly to = pf.Start.AddDays(-_rng.Between(1, 60));
                DateOnly from = to.AddYears(-_rng.Between(1, 6)).AddDays(-_rng.Next(300));
                var before = new Pos { Title = earlier, From = Degrade(new D(from, Prec.Day), 30), To = new D(to, Prec.Day) };
                if (_rng.Chance(25)) Cite(before.Prov, names.Name + " served as " + earlier.Name + " from " + LongDate(before.From!.Value) + " to " + LongDate(before.To!.Value) + ".");
                o.Positions.Add(before);
            }
            if (_rng.Chance(25) && primary.From is not null)
            {
                Cite(primary.Prov, names.Name + " took office as " + primary.Title.Name + " on " + LongDate(primary.From.Value) + ".");
            }
            o.Positions.Add(primary);

            if (_rng.Chance(15)) o.Aliases.Add((primary.Title.Name.Contains("Minister of", StringComparison.Ordinal) ? "Minister " : primary.Title.Name.Contains("Secretary of", StringComparison.Ordinal) ? "Secretary " : "") + names.Family);
            if (names.Native is not null && _rng.Chance(5)) o.Aliases.Add(names.Native);
            if (_rng.Chance(60))
            {
                string who = names.Native is not null && _rng.Chance(50) ? names.Name + " (" + names.Native + ")" : names.Name;
                Cite(o.Prov, _rng.Chance(50)
                    ? who + " is the " + primary.Title.Name + "."
                    : "Among those present was " + who + ", " + primary.Title.Name + ".");
            }
            if (_rng.Chance(10))
            {
                o.Prov.Note = names.Romanized is not null
                    ? "The bulletin spells the name \"" + names.Romanized + "\"; the ASCII form is used in English texts."
                    : _rng.Chance(50)
                        ? "Appointed after a reshuffle; the bulletin gives no reason for the change and no date for the announcement, only the date the term began. Earlier posts are recorded where the bulletins name them."
                        : "Listed under the family name " + names.Family + ".";
            }
            if (_rng.Chance(1)) o.Prov.Deprecated = "Duplicate of a later record; kept so existing references still compile";
            _officials.Add(o);
        }
    }

    private Pos ManyTerm(Tit title)
    {
        var p = new Pos { Title = title };
        if (_rng.Chance(8)) return p; // the bulletins name the post without dates
        DateOnly from = s_first.AddDays(_rng.Next(s_last.DayNumber - s_first.DayNumber - 600));
        p.From = Degrade(new D(from, Prec.Day), 30);
        if (!_rng.Chance(35))
        {
            DateOnly to = from.AddDays(_rng.Between(300, 2200));
            if (to <= s_last) p.To = Degrade(new D(to, Prec.Day), 30);
        }
        return p;
    }

    private Tit? ManyTitle(Country? country, Org? org, Tit? except = null)
    {
        Tit? best = null;
        int seen = 0;
        foreach (Tit t in _titles)
        {
            if (t.One || t == except || (country is not null && t.Country != country)) continue;
            if (org is not null && t.Org == org) return t;
            // reservoir sampling: a uniformly random match
            if (_rng.Next(++seen) == 0) best = t;
        }
        return best;
    }

    private D Degrade(D date, int percent)
    {
        if (!_rng.Chance(percent)) return date;
        return _rng.Chance(70) ? date with { P = Prec.Month } : date with { P = Prec.Year };
    }

    private static readonly (string Kind, int Weight)[] s_kinds =
    {
        ("meeting", 30), ("talks", 20), ("visit", 15), ("summit", 5), ("announcement", 10), ("statement", 10), ("incident", 3), ("other", 7),
    };

    private void MakeEvents(int count)
    {
        var anchors = new List<(Off Official, Pos Position, DateOnly Start, DateOnly End)>();
        foreach (Off o in _officials)
        {
            foreach (Pos p in o.Positions)
            {
                if (p.From is null) continue;
                DateOnly start = Max(p.From.Value.Start, s_first);
                DateOnly end = Min(p.To?.End ?? s_last, s_last);
                if (end >= start) anchors.Add((o, p, start, end));
            }
        }
        while (_events.Count < count && anchors.Count > 0)
        {
            var (o, p, start, end) = _rng.Pick(anchors);
            string topic = _rng.Pick(World.Topics);
            if (_rng.Chance(8) && count - _events.Count >= 3 && end.DayNumber - start.DayNumber >= 10)
            {
                MakeTrip(o, p, start, end, topic);
                continue;
            }
            DateOnly day = start.AddDays(_rng.Next(end.DayNumber - start.DayNumber + 1));
            string kind = PickKind();
            Off? other = OtherOfficial(o, preferForeign: kind is "meeting" or "talks" or "visit" or "summit");
            Org? org = o.Positions[^1].Title.Org ?? (_orgs.Count > 0 ? _rng.Pick(_orgs) : null);
            bool withAs = _rng.Chance(80);
            string city = _rng.Pick((other is not null && _rng.Chance(50) ? other.Country : o.Country).Cities);
            string name = kind switch
            {
                "meeting" => other is null ? o.Names.Name + " meets officials in " + city : o.Names.Name + " meets " + other.Names.Name,
                "talks" => other is null || other.Country == o.Country
                    ? "Talks on " + topic + " in " + city
                    : o.Country.Adjective + "–" + other.Country.Adjective + " talks on " + topic,
                "visit" => o.Names.Name + "'s visit to " + city,
                "summit" => Cap(topic) + " summit in " + city,
                "announcement" => (org?.Name ?? o.Names.Name) + " announces new " + topic + " measures",
                "statement" => o.Names.Name + "'s statement on " + topic,
                "incident" => Cap(topic) + " incident near " + city,
                _ => o.Names.Name + " attends a forum on " + topic,
            };
            D date = withAs ? new D(day, Prec.Day) : Degrade(new D(day, Prec.Day), 10);
            var e = new Ev
            {
                Id = Unique(4, Slug(kind + " " + o.Names.Family + " " + topic + " " + date)),
                Kind = kind,
                Name = name,
                Date = date,
                Location = _rng.Chance(80) ? city : null,
                Topic = topic,
            };
            e.Participants.Add(new Part { Official = o, As = withAs ? p.Title : null, MapForm = withAs || _rng.Chance(20) });
            if (other is not null && kind is not ("statement" or "announcement" or "incident")) e.Participants.Add(new Part { Official = other, MapForm = _rng.Chance(10) });
            if (org is not null && (kind is "announcement" or "statement" || _rng.Chance(15))) e.Participants.Add(new Part { Org = org, MapForm = _rng.Chance(60) });
            if (_rng.Chance(50))
            {
                e.Summary = other is not null && kind is "meeting" or "talks"
                    ? o.Names.Name + " and " + other.Names.Name + " discussed " + topic + " and agreed to keep in touch; both sides called the talks \u201Cconstructive\u201D."
                    : "Recorded in the bulletins as part of the " + topic + " file.";
            }
            if (_rng.Chance(50)) Cite(e.Prov, "On " + LongDate(date) + ": " + name + ".");
            if (_rng.Chance(1)) e.Prov.Deprecated = "Recorded twice; use the later record";
            _events.Add(e);
        }
    }

    private void MakeTrip(Off o, Pos p, DateOnly start, DateOnly end, string topic)
    {
        DateOnly from = start.AddDays(_rng.Next(end.DayNumber - start.DayNumber - 5));
        DateOnly to = from.AddDays(_rng.Between(2, 4));
        Off? host = OtherOfficial(o, preferForeign: true);
        Country hostCountry = host?.Country ?? _rng.Pick(World.Countries);
        string city = _rng.Pick(hostCountry.Cities);
        var trip = new Ev
        {
            Id = Unique(4, Slug("trip " + o.Names.Family + " " + hostCountry.Code + " " + from.ToString("yyyy-MM", CultureInfo.InvariantCulture))),
            Kind = "trip",
            Name = o.Names.Name + "'s trip to " + hostCountry.Name,
            From = new D(from, Prec.Day),
            To = new D(to, Prec.Day),
            Location = hostCountry == o.Country ? city : Cap(hostCountry.Name),
            Topic = topic,
            Summary = "A " + ((to.DayNumber - from.DayNumber) + 1).ToString(CultureInfo.InvariantCulture) + "-day trip focused on " + topic + ".",
        };
        trip.Participants.Add(new Part { Official = o, As = p.Title, MapForm = true });
        if (_rng.Chance(50)) Cite(trip.Prov, o.Names.Name + " travelled to " + hostCountry.Name + " from " + LongDate(trip.From!.Value) + " to " + LongDate(trip.To!.Value) + ".");
        _events.Add(trip);
        int parts = _rng.Between(2, 3);
        for (int k = 0; k < parts; k++)
        {
            DateOnly day = from.AddDays(_rng.Next(to.DayNumber - from.DayNumber + 1));
            var meeting = new Ev
            {
                Id = Unique(4, Slug("meeting " + o.Names.Family + " " + (host?.Names.Family ?? city) + " " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                Kind = k == 0 ? "meeting" : "talks",
                Name = host is null ? o.Names.Name + " meets officials in " + city : o.Names.Name + " meets " + host.Names.Name + " in " + city,
                Date = new D(day, Prec.Day),
                Location = city,
                PartOf = trip,
                Topic = topic,
            };
            meeting.Participants.Add(new Part { Official = o, As = p.Title, MapForm = true });
            if (host is not null) meeting.Participants.Add(new Part { Official = host });
            _events.Add(meeting);
        }
    }

    private void MakeAgreements(int count)
    {
        var candidates = _events.Where(e => e.Kind is "meeting" or "talks" or "summit" && e.Participants.Count > 0 && e.Participants[0].As is not null).ToList();
        _rng.Shuffle(candidates);
        foreach (Ev e in candidates.Take(count))
        {
            Part lead = e.Participants[0];
            string form = _rng.Pick(new[] { "Memorandum of understanding", "Agreement", "Joint statement", "Framework agreement", "Action plan" });
            var a = new Agr
            {
                Id = Unique(5, Slug(form + " on " + e.Topic + " " + e.Day.Year.ToString(CultureInfo.InvariantCulture))),
                Name = form + " on " + e.Topic,
                Date = new D(e.Day, Prec.Day),
                Event = _rng.Chance(80) ? e : null,
                Summary = _rng.Chance(50) ? "The sides agreed to set up a working group on " + e.Topic + " and to report back within a year." : null,
            };
            foreach (Part part in e.Participants)
            {
                if (part.Official is { } official)
                {
                    if (!a.CountryParties.Contains(official.Country.Code)) a.CountryParties.Add(official.Country.Code);
                    a.Negotiators.Add(part == lead ? new Part { Official = official, As = part.As, MapForm = true } : new Part { Official = official, MapForm = _rng.Chance(20) });
                }
                else if (part.Org is { } org && !a.OrgParties.Contains(org))
                {
                    a.OrgParties.Add(org);
                }
            }
            if (a.CountryParties.Count + a.OrgParties.Count < 2 && _orgs.Count > 0)
            {
                Org extra = _rng.Pick(_orgs);
                if (!a.OrgParties.Contains(extra)) a.OrgParties.Add(extra);
            }
            if (_rng.Chance(50)) Cite(a.Prov, "On " + LongDate(a.Date) + " the sides signed a text titled \u201C" + a.Name + "\u201D.");
            _agreements.Add(a);
        }
    }

    private static readonly string[] s_sayings =
    {
        "We will deepen cooperation on {0} with our partners.",
        "Our position on {0} has not changed.",
        "The talks on {0} were candid, constructive and productive.",
        "There is no \"quick fix\" for {0}.",
        "{1} is a matter of mutual trust.",
        "We welcome the progress on {0}, but more needs to be done.",
        "Let me be clear: {0} is not up for negotiation.",
        "We are ready to make new positive efforts on {0}.",
        "On {0}, we want stability, not surprises.",
        "Nobody wins a race to the bottom on {0}.",
    };

    private void MakeQuotes(int count)
    {
        var events = _events.Where(e => e.Participants.Count > 0 && e.Participants[0].Official is not null && e.Participants[0].As is not null && e.Date is not null).ToList();
        for (int i = 0; i < count && events.Count > 0; i++)
        {
            Ev e = _rng.Pick(events);
            Part lead = e.Participants[0];
            Off o = lead.Official!;
            string text = string.Format(CultureInfo.InvariantCulture, _rng.Pick(s_sayings), e.Topic, Cap(e.Topic));
            bool withAs = _rng.Chance(70);
            var q = new Quo
            {
                Id = Unique(6, Slug(o.Id + " on " + e.Topic)),
                Speaker = new Part { Official = o, As = withAs ? lead.As : null, MapForm = withAs },
                Text = text,
                Date = e.Date!.Value,
                Event = _rng.Chance(70) ? e : null,
            };
            string said = "\u201C" + text + "\u201D, said " + o.Names.Name + ".";
            if (_rng.Chance(70)) Cite(q.Prov, said);
            if (q.Prov.Evidence is null)
            {
                // FG0012 also looks for a quote's text in the sources it cites.
                foreach (Src s in q.Prov.Sources) s.Text.Append(said).Append('\n');
            }
            _quotes.Add(q);
        }
    }

    private string PickKind()
    {
        int roll = _rng.Next(s_kinds.Sum(k => k.Weight));
        foreach (var (kind, weight) in s_kinds)
        {
            if (roll < weight) return kind;
            roll -= weight;
        }
        return "other";
    }

    private Off? OtherOfficial(Off o, bool preferForeign)
    {
        for (int attempt = 0; attempt < 8; attempt++)
        {
            Off other = _rng.Pick(_officials);
            if (other == o) continue;
            if (preferForeign && other.Country == o.Country && attempt < 6) continue;
            return other;
        }
        return null;
    }

    private Country PickCountry()
    {
        int roll = _rng.Next(World.Countries.Sum(c => c.Weight));
        foreach (Country c in World.Countries)
        {
            if (roll < c.Weight) return c;
            roll -= c.Weight;
        }
        return World.Countries[0];
    }

    /// <summary>Cites a source: one source with the sentence as evidence (appended to its text), or now and then two sources and no excerpt.</summary>
    private void Cite(Prov prov, string sentence)
    {
        Src s = _rng.Pick(_sources);
        prov.Sources.Add(s);
        if (_sources.Count > 1 && _rng.Chance(8))
        {
            Src t = _rng.Pick(_sources);
            if (t != s) prov.Sources.Add(t);
            if (prov.Sources.Count > 1) return;
        }
        prov.Evidence = sentence;
        s.Text.Append(sentence).Append('\n');
    }

    private string Unique(int kind, string id)
    {
        if (_ids[kind].Add(id)) return id;
        for (int n = 2; ; n++)
        {
            string candidate = id + "-" + n.ToString(CultureInfo.InvariantCulture);
            if (_ids[kind].Add(candidate)) return candidate;
        }
    }

    /// <summary>Kebab-case ASCII id from any text: diacritics dropped, runs of other characters become one hyphen.</summary>
    public static string Slug(string text)
    {
        string ascii = NameCulture.Ascii(text.Replace("U.S.", "US", StringComparison.Ordinal).Replace('–', '-').Replace('\'', ' ').Replace('.', ' '));
        var sb = new StringBuilder(ascii.Length);
        foreach (char c in ascii.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        string slug = sb.ToString().Trim('-');
        if (slug.Length == 0 || !char.IsAsciiLetter(slug[0])) slug = "x-" + slug;
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    private static string Abbreviate(string name)
    {
        var sb = new StringBuilder();
        foreach (string word in name.Split(' '))
        {
            if (word is "and" or "of" or "the") continue;
            sb.Append(char.ToUpperInvariant(word[0]));
        }
        return sb.ToString();
    }

    private static string LongDate(D d) => d.P switch
    {
        Prec.Year => d.Day.Year.ToString(CultureInfo.InvariantCulture),
        Prec.Month => d.Day.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => LongDate(d.Day),
    };

    private static string LongDate(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    // ---- rendering ------------------------------------------------------------------------------

    private FactCorpus Render(CorpusSpec spec)
    {
        int files = spec.Files;
        var facts = new List<CorpusFile>(files);
        for (int f = 0; f < files; f++)
        {
            var y = new YamlText(4096 + (int)(_officialCount * 700L / files));
            y.Comment("Synthetic FactGen benchmark corpus " + spec + ", part " + (f + 1).ToString(CultureInfo.InvariantCulture) + " of " + files.ToString(CultureInfo.InvariantCulture)
                + " (seed " + Seed.ToString(CultureInfo.InvariantCulture) + "). Generated by tests/FactGen.Benchmarks; do not edit.");
            Section(y, "sources", _sources, f, files, WriteSource);
            Section(y, "organizations", _orgs, f, files, WriteOrg);
            Section(y, "titles", _titles, f, files, WriteTitle);
            Section(y, "officials", _officials, f, files, WriteOfficial);
            Section(y, "events", _events, f, files, WriteEvent);
            Section(y, "agreements", _agreements, f, files, WriteAgreement);
            Section(y, "quotes", _quotes, f, files, WriteQuote);
            facts.Add(new CorpusFile("facts/part-" + f.ToString("D3", CultureInfo.InvariantCulture) + ".yaml", y.ToString()));
        }
        var seeds = _sources.Select(s => new CorpusFile("seeds/" + s.File["../seeds/".Length..], s.Text.ToString())).ToList();
        var counts = new CorpusCounts(_sources.Count, _orgs.Count, _titles.Count, _officials.Count, _events.Count, _agreements.Count, _quotes.Count);
        return new FactCorpus(spec, SyntheticRoot, facts, seeds, counts);
    }

    private static void Section<T>(YamlText y, string list, List<T> items, int file, int files, Action<YamlText, T> write)
    {
        int from = (int)((long)items.Count * file / files);
        int to = (int)((long)items.Count * (file + 1) / files);
        if (to <= from) return;
        y.ListKey(0, list);
        for (int i = from; i < to; i++) write(y, items[i]);
    }

    private static void WriteProv(YamlText y, int indent, Prov p, bool item)
    {
        if (p.Sources.Count == 1) y.Pair(indent, "source", p.Sources[0].Id);
        else if (p.Sources.Count > 1)
        {
            y.ListKey(indent, "sources");
            foreach (Src s in p.Sources) y.Item(indent + 4, s.Id);
        }
        if (p.Evidence is not null) y.Pair(indent, "evidence", p.Evidence, quote: true);
        if (p.Note is not null)
        {
            if (p.Note.Length > 120) y.Folded(indent, "note", p.Note);
            else y.Pair(indent, "note", p.Note, quote: true);
        }
        if (item && p.Deprecated is not null) y.Pair(indent, "deprecated", p.Deprecated, quote: true);
    }

    private static void WriteSource(YamlText y, Src s)
    {
        y.Pair(4, "id", s.Id, dash: true);
        y.Pair(4, "title", s.Title, quote: true);
        y.Pair(4, "file", s.File);
        y.Pair(4, "published", s.Published.ToString());
        if (s.Url is not null) y.Pair(4, "url", s.Url);
        if (s.Note is not null) y.Folded(4, "note", s.Note);
    }

    private static void WriteOrg(YamlText y, Org o)
    {
        y.Pair(4, "id", o.Id, dash: true);
        y.Pair(4, "name", o.Name);
        if (o.Native is not null) y.Pair(4, "native", o.Native);
        if (o.Abbreviation is not null) y.Pair(4, "abbreviation", o.Abbreviation);
        y.Pair(4, "country", o.Country.Code);
        WriteProv(y, 4, o.Prov, item: true);
    }

    private static void WriteTitle(YamlText y, Tit t)
    {
        y.Pair(4, "id", t.Id, dash: true);
        y.Pair(4, "name", t.Name);
        if (t.Org is not null) y.Pair(4, "organization", t.Org.Id);
        y.Pair(4, "country", t.Country.Code);
        y.Pair(4, "holders", t.One ? "one" : "many");
        WriteProv(y, 4, t.Prov, item: true);
    }

    private static void WriteOfficial(YamlText y, Off o)
    {
        y.Pair(4, "id", o.Id, dash: true);
        y.Pair(4, "name", o.Names.Name);
        if (o.Names.Romanized is not null) y.Pair(4, "romanized", o.Names.Romanized);
        if (o.Names.Native is not null) y.Pair(4, "native", o.Names.Native);
        y.Pair(4, "country", o.Country.Code);
        if (o.Aliases.Count > 0)
        {
            y.ListKey(4, "aliases");
            foreach (string a in o.Aliases) y.Item(8, a);
        }
        if (o.Positions.Count > 0)
        {
            y.ListKey(4, "positions");
            foreach (Pos p in o.Positions)
            {
                y.Pair(8, "title", p.Title.Id, dash: true);
                if (p.From is not null) y.Pair(8, "from", p.From.Value.ToString());
                if (p.To is not null) y.Pair(8, "to", p.To.Value.ToString());
                WriteProv(y, 8, p.Prov, item: false);
            }
        }
        WriteProv(y, 4, o.Prov, item: true);
    }

    private static void WritePart(YamlText y, int indent, Part p)
    {
        if (!p.MapForm)
        {
            y.Item(indent, (p.Official?.Id ?? p.Org!.Id));
            return;
        }
        if (p.Official is not null)
        {
            y.Pair(indent, "official", p.Official.Id, dash: true);
            if (p.As is not null) y.Pair(indent, "as", p.As.Id);
        }
        else
        {
            y.Pair(indent, "organization", p.Org!.Id, dash: true);
        }
    }

    private static void WriteEvent(YamlText y, Ev e)
    {
        y.Pair(4, "id", e.Id, dash: true);
        y.Pair(4, "kind", e.Kind);
        y.Pair(4, "name", e.Name);
        if (e.Summary is not null) y.Pair(4, "summary", e.Summary, quote: true);
        if (e.Date is not null) y.Pair(4, "date", e.Date.Value.ToString());
        if (e.From is not null) y.Pair(4, "from", e.From.Value.ToString());
        if (e.To is not null) y.Pair(4, "to", e.To.Value.ToString());
        if (e.Location is not null) y.Pair(4, "location", e.Location);
        if (e.Participants.Count > 0)
        {
            y.ListKey(4, "participants");
            foreach (Part p in e.Participants) WritePart(y, 8, p);
        }
        if (e.PartOf is not null) y.Pair(4, "part_of", e.PartOf.Id);
        WriteProv(y, 4, e.Prov, item: true);
    }

    private static void WriteAgreement(YamlText y, Agr a)
    {
        y.Pair(4, "id", a.Id, dash: true);
        y.Pair(4, "name", a.Name);
        y.Pair(4, "date", a.Date.ToString());
        y.ListKey(4, "parties");
        foreach (string c in a.CountryParties) y.Item(8, c);
        foreach (Org o in a.OrgParties) y.Item(8, o.Id);
        if (a.Negotiators.Count > 0)
        {
            y.ListKey(4, "negotiators");
            foreach (Part p in a.Negotiators) WritePart(y, 8, p);
        }
        if (a.Event is not null) y.Pair(4, "event", a.Event.Id);
        if (a.Summary is not null) y.Pair(4, "summary", a.Summary, quote: true);
        WriteProv(y, 4, a.Prov, item: true);
    }

    private static void WriteQuote(YamlText y, Quo q)
    {
        y.Pair(4, "id", q.Id, dash: true);
        if (q.Speaker.MapForm)
        {
            y.ListKey(4, "speaker");
            y.Pair(6, "official", q.Speaker.Official!.Id);
            if (q.Speaker.As is not null) y.Pair(6, "as", q.Speaker.As.Id);
        }
        else
        {
            y.Pair(4, "speaker", q.Speaker.Official!.Id);
        }
        y.Pair(4, "text", q.Text, quote: true);
        y.Pair(4, "date", q.Date.ToString());
        if (q.Event is not null) y.Pair(4, "event", q.Event.Id);
        WriteProv(y, 4, q.Prov, item: true);
    }
}
