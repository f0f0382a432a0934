using RoezanGhl.Fuzz;
using SharpFuzz;

// Under afl-fuzz (scripts/fuzz.sh): one input per run from AFL, the instrumented core reporting coverage.
// Without AFL: runs once on standard input (replay a crash: dotnet RoezanGhl.Fuzz.dll < crash-file).
// --replay <dir|file>...: runs every file once and names those that fail (the seed corpus check, crash triage).
if (args is ["--replay", .. var paths])
{
    return Replay.Run(paths, Console.Out);
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    RoezanIntakeFuzzTarget.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
