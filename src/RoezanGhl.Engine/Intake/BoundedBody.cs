using System.Buffers;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// A request body read into a pooled buffer, up to a limit: reading stops one byte past the limit, so an
/// oversized body costs at most limit + 1 bytes of memory however large it claims or turns out to be.
/// </summary>
internal sealed class BoundedBody : IDisposable
{
    private const int InitialSize = 4096;

    private byte[]? _buffer;

    private BoundedBody(byte[] buffer, int length, bool tooLarge)
    {
        _buffer = buffer;
        Length = length;
        TooLarge = tooLarge;
    }

    public int Length { get; }

    public bool TooLarge { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async Task<BoundedBody> ReadAsync(Stream body, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var size = declaredLength is > 0 and var n && n <= limit ? (int)n + 1 : InitialSize;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(size, limit + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        return new BoundedBody(buffer, length, tooLarge: true);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new BoundedBody(buffer, length, tooLarge: false);
                }

                length += read;
                if (length > limit)
                {
                    return new BoundedBody(buffer, length, tooLarge: true);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
