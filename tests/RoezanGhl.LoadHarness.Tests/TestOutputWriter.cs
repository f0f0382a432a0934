using System.Text;
using Xunit.Abstractions;

namespace RoezanGhl.LoadHarness.Tests;

/// <summary>The harness's progress lines into the test's output.</summary>
internal sealed class TestOutputWriter(ITestOutputHelper output) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => output.WriteLine(value ?? "");

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
