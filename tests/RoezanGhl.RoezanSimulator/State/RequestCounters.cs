namespace RoezanGhl.RoezanSimulator.State;

/// <summary>What the API answered, by status and by account, for tests and benchmarks (calls per event).</summary>
public sealed class RequestCounters
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _byStatus = [];
    private readonly Dictionary<string, long> _byAccount = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string? accountId, int status)
    {
        lock (_gate)
        {
            _byStatus[status] = _byStatus.GetValueOrDefault(status) + 1;
            var key = accountId ?? "(unknown key)";
            _byAccount[key] = _byAccount.GetValueOrDefault(key) + 1;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byStatus.Clear();
            _byAccount.Clear();
        }
    }

    public RequestCountersSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new RequestCountersSnapshot(
                _byStatus.Values.Sum(),
                _byStatus.GetValueOrDefault(429),
                _byStatus.ToDictionary(pair => pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), pair => pair.Value, StringComparer.Ordinal),
                new Dictionary<string, long>(_byAccount, StringComparer.OrdinalIgnoreCase));
        }
    }
}
