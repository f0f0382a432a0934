using System.Globalization;
using NodaTime;

namespace RoezanGhl.Core.Automations.Templates;

/// <summary>What a render needs of the account and the moment: times are shown in <paramref name="Zone"/>, formatted for <paramref name="Culture"/>.</summary>
/// <param name="Zone">The account's time zone.</param>
/// <param name="Culture">The account's locale (en-US by default).</param>
/// <param name="Now">The render's "now" (Liquid's <c>"now"</c>): the caller's clock, never the machine's.</param>
public sealed record SmsRenderSettings(DateTimeZone Zone, CultureInfo Culture, Instant Now);
