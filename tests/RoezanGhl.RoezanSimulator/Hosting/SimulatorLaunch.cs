using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Hosting;

/// <summary>What the command line asked for: settings and port, or the problems that stop a start.</summary>
public sealed record SimulatorLaunch(RoezanSimulatorSettings? Settings, int Port, IReadOnlyList<string> Problems);
