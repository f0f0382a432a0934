using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Operations;

/// <summary>What an upsert did: the contact as stored, whether it was new, whether any field changed.</summary>
internal sealed record UpsertOutcome(RoezanContact Contact, bool Created, bool Changed);
