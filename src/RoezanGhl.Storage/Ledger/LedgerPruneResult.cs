namespace RoezanGhl.Storage.Ledger;

/// <summary>What one <see cref="LedgerRetention.PruneAsync"/> deleted, and whether rows past the retention were left for the next run.</summary>
public sealed record LedgerPruneResult(int Rows, int Blobs, bool More);
