namespace RoezanGhl.Engine.Console;

/// <summary>
/// The template editor's live preview of one automation for the sample contact: the start checks' problems with the
/// draft (then nothing else), or the rendered text, its encoding, segments and room left in the last one, and when it
/// would be sent (or why it would not). The sample is fictional; the text is shown to the editor, never logged.
/// </summary>
public sealed record AutomationTemplatePreview(
    IReadOnlyList<Core.Mapping.ConfigurationProblem> Problems,
    string? Text = null,
    string? Encoding = null,
    int Units = 0,
    int Segments = 0,
    int MaxSegments = 0,
    int CharactersLeft = 0,
    DateTimeOffset? SendAt = null,
    string? SendAtLocal = null,
    bool MovedIntoSendingHours = false,
    IReadOnlyList<string>? MissingPlaceholders = null,
    string? NotPlanned = null,
    string? Sample = null);
