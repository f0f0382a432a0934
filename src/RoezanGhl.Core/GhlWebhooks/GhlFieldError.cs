namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// One thing wrong with a GHL webhook body: <see cref="Field"/> is the member as an RFC 6901 JSON pointer
/// (<c>/tags/2</c>, <c>/dndSettings/SMS/status</c>; the empty pointer for the whole body), and what is wrong.
/// Messages never quote the value, so that no personal data reaches an answer or a log.
/// </summary>
public readonly record struct GhlFieldError(string Field, string Message);
