using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using FactGen.Benchmarks.Corpus;

namespace FactGen.Benchmarks.Infrastructure;

/// <summary>Config shared by the benchmarks whose input is a corpus: adds its YAML size and allocation per input byte.</summary>
public sealed class CorpusConfig : ManualConfig
{
    public CorpusConfig()
    {
        AddColumn(new InputSizeColumn(), new AllocationPerInputColumn());
        SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
    }
}

/// <summary>Reads the <c>Corpus</c> parameter of a benchmark case.</summary>
internal static class CorpusParameter
{
    private static readonly ConcurrentDictionary<string, long> s_sizes = new(StringComparer.Ordinal);

    public static long? InputBytes(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Corpus")?.Value is not string spec) return null;
        return s_sizes.GetOrAdd(spec, s => FactCorpus.Get(s).FactBytes);
    }
}

/// <summary>"Input": UTF-8 size of the corpus's fact files.</summary>
public sealed class InputSizeColumn : IColumn
{
    public string Id => nameof(InputSizeColumn);
    public string ColumnName => "Input";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Params;
    public int PriorityInCategory => 100;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "UTF-8 size of the corpus's YAML fact files (the generator's input)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        => CorpusParameter.InputBytes(benchmarkCase) is long bytes ? (bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB" : "-";
}

/// <summary>"Alloc/Input": bytes allocated per operation divided by the input size (budget: ≤ 3 for a full run).</summary>
public sealed class AllocationPerInputColumn : IColumn
{
    public string Id => nameof(AllocationPerInputColumn);
    public string ColumnName => "Alloc/Input";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Metric;
    public int PriorityInCategory => 100;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Allocated bytes per operation / UTF-8 bytes of YAML input";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (CorpusParameter.InputBytes(benchmarkCase) is not long input || input == 0) return "-";
        BenchmarkReport? report = summary[benchmarkCase];
        long? allocated = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return allocated is long a ? ((double)a / input).ToString("0.00", CultureInfo.InvariantCulture) : "?";
    }
}
