namespace RoezanGhl.Core.Planning;

/// <summary>
/// Where the processor (and the CLI's and the console's plan preview) gets an account's <see cref="PlanningProfile"/>.
/// Asynchronous because the profile in force may be a version saved from the console (blob storage), read through a
/// short cache, with the settings and the mapping file as the seed.
/// </summary>
public interface IPlanningProfileSource
{
    ValueTask<PlanningProfile> GetProfileAsync(string accountId, CancellationToken cancellationToken);
}
