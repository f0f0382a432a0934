using System.Text.RegularExpressions;

namespace RoezanGhl.TestSupport.Faults;

/// <summary>
/// Azurite as the app sees it during a storage outage: a <see cref="TcpFaultProxy"/> in front of each of its blob,
/// queue and table ports, and the connection string that points at the proxies. <see cref="Cut"/> makes all of storage
/// unreachable at once (as when the Azurite process stops), <see cref="Restore"/> brings it back with its data.
/// </summary>
public sealed partial class AzuriteFaultProxy : IAsyncDisposable
{
    private readonly Dictionary<int, TcpFaultProxy> _proxies;

    private AzuriteFaultProxy(Dictionary<int, TcpFaultProxy> proxies, string connectionString)
    {
        _proxies = proxies;
        ConnectionString = connectionString;
    }

    /// <summary>Azurite's connection string with each endpoint's port replaced by its proxy's.</summary>
    public string ConnectionString { get; }

    /// <summary>Connections refused while storage was cut, over the three services.</summary>
    public int Refused => _proxies.Values.Sum(proxy => proxy.Refused);

    public static AzuriteFaultProxy Start()
    {
        var proxies = new Dictionary<int, TcpFaultProxy>();
        var rewritten = EndpointPort().Replace(Azurite.ConnectionString, match =>
        {
            var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!proxies.TryGetValue(port, out var proxy))
            {
                proxy = TcpFaultProxy.Start(port);
                proxies[port] = proxy;
            }

            return $"{match.Groups["head"].Value}{proxy.Port}";
        });
        if (proxies.Count != 3)
        {
            throw new InvalidOperationException("The Azurite connection string does not name blob, queue and table endpoints on 127.0.0.1 ports.");
        }

        return new AzuriteFaultProxy(proxies, rewritten);
    }

    public void Cut()
    {
        foreach (var proxy in _proxies.Values)
        {
            proxy.Cut();
        }
    }

    public void Restore()
    {
        foreach (var proxy in _proxies.Values)
        {
            proxy.Restore();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies.Values)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"(?<head>(Blob|Queue|Table)Endpoint=http://127\.0\.0\.1:)(?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex EndpointPort();
}
