using System;
using System.Globalization;

namespace FactGen.Model;

/// <summary>Precision of an ISO 8601 date as written in a fact file.</summary>
internal enum DatePrecision : byte
{
    Year = 1,
    Month = 2,
    Day = 3,
}

/// <summary>
/// A date at the precision its source gives (<c>2023</c>, <c>2023-06</c>, <c>2023-08-29</c>). A partial date
/// is a period: June 2023 runs from 1 to 30 June. Generator-side twin of the emitted <c>FactDate</c>.
/// </summary>
internal readonly record struct FactDateValue(int Year, int Month, int Day, DatePrecision Precision) : IComparable<FactDateValue>
{
    /// <summary>Packed form used in the generated data tables: yyyymmdd with 0 for absent parts.</summary>
    public int Packed => (Year * 10000) + (Month * 100) + Day;

    public (int Year, int Month, int Day) FirstDay => (Year, Precision >= DatePrecision.Month ? Month : 1, Precision == DatePrecision.Day ? Day : 1);

    public (int Year, int Month, int Day) LastDay
    {
        get
        {
            int month = Precision >= DatePrecision.Month ? Month : 12;
            int day = Precision == DatePrecision.Day ? Day : DateTime.DaysInMonth(Year, month);
            return (Year, month, day);
        }
    }

    /// <summary>Days since 0001-01-01 of the period's first day.</summary>
    public int StartDayNumber { get { var f = FirstDay; return DayNumber(f.Year, f.Month, f.Day); } }

    /// <summary>Days since 0001-01-01 of the period's last day.</summary>
    public int EndDayNumber { get { var l = LastDay; return DayNumber(l.Year, l.Month, l.Day); } }

    private static int DayNumber(int y, int m, int d) => (int)(new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerDay);

    /// <summary>True when the periods share at least one day.</summary>
    public bool Overlaps(FactDateValue other) => StartDayNumber <= other.EndDayNumber && other.StartDayNumber <= EndDayNumber;

    /// <summary>Orders by start day, then by precision (coarser first), so sorting is total and stable.</summary>
    public int CompareTo(FactDateValue other)
    {
        int c = StartKey.CompareTo(other.StartKey);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    /// <summary>One number ordered as <see cref="CompareTo"/> orders: the first day, then the precision.</summary>
    public long SortKey => ((long)StartKey << 8) | (byte)Precision;

    /// <summary>The first day as year, month, day in one int: ordered as <see cref="StartDayNumber"/>, without making a DateTime (sorting 10,000s of facts compares it millions of times).</summary>
    private int StartKey { get { var f = FirstDay; return (f.Year << 9) | (f.Month << 5) | f.Day; } }

    public override string ToString() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture) + "-" + Month.ToString("D2", CultureInfo.InvariantCulture) + "-" + Day.ToString("D2", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> (years 1–9999). Returns false for anything
    /// else, including dates that do not exist (2023-02-30).
    /// </summary>
    public static bool TryParse(string text, out FactDateValue value)
    {
        value = default;
        if (text.Length != 4 && text.Length != 7 && text.Length != 10) return false;
        if (!TryDigits(text, 0, 4, out int year) || year < 1) return false;
        if (text.Length == 4)
        {
            value = new FactDateValue(year, 0, 0, DatePrecision.Year);
            return true;
        }
        if (text[4] != '-' || !TryDigits(text, 5, 2, out int month) || month < 1 || month > 12) return false;
        if (text.Length == 7)
        {
            value = new FactDateValue(year, month, 0, DatePrecision.Month);
            return true;
        }
        if (text[7] != '-' || !TryDigits(text, 8, 2, out int day) || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new FactDateValue(year, month, day, DatePrecision.Day);
        return true;
    }

    private static bool TryDigits(string s, int start, int count, out int result)
    {
        result = 0;
        for (int i = start; i < start + count; i++)
        {
            char c = s[i];
            if (c < '0' || c > '9') return false;
            result = (result * 10) + (c - '0');
        }
        return true;
    }
}
