using Xunit;

namespace FactGen.IntegrationTests.Infrastructure;

/// <summary>Runs the <c>dotnet</c> CLI the way a developer would, with a quiet, reproducible environment.</summary>
public static class DotNet
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The <c>dotnet</c> host that runs these tests (the CLI sets DOTNET_HOST_PATH for its children).</summary>
    public static string Host { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Runs <c>dotnet args…</c> in <paramref name="workingDirectory"/>. <paramref name="nugetPackages"/>, when given,
    /// becomes NUGET_PACKAGES (the consumers' private package folder).
    /// </summary>
    public static ProcessResult Run(string workingDirectory, IReadOnlyList<string> args, string? nugetPackages = null, TimeSpan? timeout = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
            // Plain "file(line,col): error …" lines instead of the interactive terminal logger.
            ["MSBUILDTERMINALLOGGER"] = "off",
            // No MSBuild worker nodes left running after a test.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            // An environment variable is an MSBuild property: skip the vulnerability audit, which would query the feed on every restore.
            ["NuGetAudit"] = "false",
            // Variables the test host inherits from the `dotnet test` that started it; a nested build must find its own SDK.
            ["MSBuildExtensionsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
        };
        if (nugetPackages is not null) environment["NUGET_PACKAGES"] = nugetPackages;
        return ProcessRunner.Run(Host, args, workingDirectory, environment, timeout ?? BuildTimeout);
    }

    /// <summary>Asserts the process succeeded, showing everything it printed if not.</summary>
    public static ProcessResult Succeeded(this ProcessResult result)
    {
        Assert.True(result.Succeeded, "Expected success. " + result.Describe());
        return result;
    }

    /// <summary>Asserts the process failed, showing everything it printed if not.</summary>
    public static ProcessResult Failed(this ProcessResult result)
    {
        Assert.False(result.Succeeded, "Expected failure. " + result.Describe());
        return result;
    }
}
