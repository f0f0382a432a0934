using System.Collections.Concurrent;
using RoezanGhl.Ghl.Auth;

namespace RoezanGhl.TestSupport.Ghl;

/// <summary>
/// Tokens for tests: per location a sequence of tokens; <see cref="GetTokenAsync"/> gives the current
/// one and <see cref="GetFreshTokenAsync"/> moves to the next (as a refresh would), or throws
/// <see cref="GhlLocationNeedsAttentionException"/> when the sequence is used up. Counts the calls.
/// </summary>
public sealed class FakeGhlTokenProvider : IGhlTokenProvider
{
    private readonly ConcurrentDictionary<string, TokenSequence> _locations = new(StringComparer.Ordinal);

    /// <summary>Each location gets <see cref="GhlSimulatorHost.TokenFor"/> unless <see cref="Use"/> says otherwise.</summary>
    public FakeGhlTokenProvider Use(string locationId, params string[] tokens)
    {
        _locations[locationId] = new TokenSequence(tokens);
        return this;
    }

    private int _freshTokenRequests;

    public int FreshTokenRequests => Volatile.Read(ref _freshTokenRequests);

    public ValueTask<GhlAccessToken> GetTokenAsync(string locationId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new GhlAccessToken(Sequence(locationId).Current));

    public ValueTask<GhlAccessToken> GetFreshTokenAsync(string locationId, GhlAccessToken rejected, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _freshTokenRequests);
        var sequence = Sequence(locationId);
        return sequence.TryAdvance(rejected.Value)
            ? ValueTask.FromResult(new GhlAccessToken(sequence.Current))
            : throw new GhlLocationNeedsAttentionException(locationId, "no newer token");
    }

    /// <summary>How often a token given by <see cref="GetFreshTokenAsync"/> was refused again.</summary>
    public int RejectedAfterRenewal => Volatile.Read(ref _rejectedAfterRenewal);

    private int _rejectedAfterRenewal;

    public ValueTask<GhlLocationNeedsAttentionException> RejectedAfterRenewalAsync(string locationId, GhlAccessToken renewed, string ghlMessage, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _rejectedAfterRenewal);
        return ValueTask.FromResult(new GhlLocationNeedsAttentionException(locationId, $"refused after renewal: {ghlMessage}"));
    }

    private TokenSequence Sequence(string locationId) =>
        _locations.GetOrAdd(locationId, static id => new TokenSequence([GhlSimulatorHost.TokenFor(id)]));

    private sealed class TokenSequence(string[] tokens)
    {
        private readonly Lock _gate = new();
        private int _index;

        public string Current
        {
            get
            {
                lock (_gate)
                {
                    return tokens[_index];
                }
            }
        }

        public bool TryAdvance(string rejected)
        {
            lock (_gate)
            {
                if (tokens[_index] != rejected)
                {
                    return true;
                }

                if (_index + 1 >= tokens.Length)
                {
                    return false;
                }

                _index++;
                return true;
            }
        }
    }
}
