using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace RoezanGhl.TestSupport.Faults;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of one local port that a test can take down and bring back: while down, open
/// connections are cut (reset) and new ones are accepted and reset at once, as when a server process dies; once back,
/// new connections reach the target again. The target itself keeps its data (Azurite runs in memory: stopping it would
/// lose everything). Stops listening and cuts every connection when disposed.
/// </summary>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly Task _accepting;
    private volatile bool _down;
    private int _refused;

    private TcpFaultProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The port to connect to instead of the target's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections reset because they came while the proxy was down.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public bool IsDown => _down;

    public static TcpFaultProxy Start(int targetPort) => new(targetPort);

    /// <summary>Cuts every open connection and resets new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _down = true;
        foreach (var client in _open.Keys)
        {
            Reset(client);
        }
    }

    public void Restore() => _down = false;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var client in _open.Keys)
        {
            Reset(client);
        }

        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_down)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        _open.TryAdd(client, 0);
        _open.TryAdd(upstream, 0);
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token).ConfigureAwait(false);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, _stop.Token), up.CopyToAsync(down, _stop.Token)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut or a closed side ends the relay.
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(upstream, out _);
            Reset(client);
        }
    }

    // A reset rather than a polite close: the client sees the connection fail, as when the server is gone.
    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            client.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
    }
}
