using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// A GHL task's values. Also the last applied state of a linked task, so that an update sends only what
/// changed and never blanks a title or body that Roezan left out.
/// </summary>
public sealed record TaskFields
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    public bool? Completed { get; init; }

    /// <summary>True when no member carries a value.</summary>
    [JsonIgnore]
    public bool IsEmpty => Title is null && Body is null && DueDate is null && Completed is null;

    /// <summary>The members of this (incoming) value that carry a value and differ from <paramref name="applied"/>.</summary>
    public TaskFields ChangedFrom(TaskFields applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return new TaskFields
        {
            Title = Title is not null && !string.Equals(Title, applied.Title, StringComparison.Ordinal) ? Title : null,
            Body = Body is not null && !string.Equals(Body, applied.Body, StringComparison.Ordinal) ? Body : null,
            DueDate = DueDate is { } due && due != applied.DueDate ? due : null,
            Completed = Completed is { } done && done != applied.Completed ? done : null,
        };
    }

    /// <summary><paramref name="newer"/> laid over this value: members with a value win.</summary>
    public TaskFields MergedWith(TaskFields newer)
    {
        ArgumentNullException.ThrowIfNull(newer);
        return new TaskFields
        {
            Title = newer.Title ?? Title,
            Body = newer.Body ?? Body,
            DueDate = newer.DueDate ?? DueDate,
            Completed = newer.Completed ?? Completed,
        };
    }

    /// <summary>The names of the members that carry a value.</summary>
    public string DescribeMembers()
    {
        var names = new List<string>();
        if (Title is not null) names.Add("title");
        if (Body is not null) names.Add("body");
        if (DueDate is not null) names.Add("dueDate");
        if (Completed is not null) names.Add("completed");
        return names.Count == 0 ? "(nothing)" : string.Join(", ", names);
    }
}
