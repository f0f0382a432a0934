namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>Collects every field error of one body, with the checks the validators share.</summary>
internal sealed class GhlFieldErrorList
{
    private List<GhlFieldError>? _errors;

    public IReadOnlyList<GhlFieldError> Errors => (IReadOnlyList<GhlFieldError>?)_errors ?? [];

    public void Add(string pointer, string message) => (_errors ??= []).Add(new GhlFieldError(pointer, message));

    /// <summary>Present, not blank, and within <paramref name="max"/>.</summary>
    public void Required(string? value, int max, string pointer)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(pointer, GhlWebhookValidator.Required);
        }
        else
        {
            Bounded(value, max, pointer);
        }
    }

    public void Required(object? value, string pointer)
    {
        if (value is null)
        {
            Add(pointer, GhlWebhookValidator.Required);
        }
    }

    public void Bounded(string? value, int max, string pointer)
    {
        if (ExceedsLength(value, max))
        {
            Add(pointer, $"must be at most {max} characters");
        }
    }

    /// <summary>An array of strings: at most <paramref name="maxCount"/> items, none null, each within <paramref name="maxLength"/>.</summary>
    public void Strings(List<string?>? items, int maxCount, int maxLength, string pointer)
    {
        if (items is null)
        {
            return;
        }

        if (items.Count > maxCount)
        {
            Add(pointer, $"must have at most {maxCount} items");
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Add(GhlJsonPointer.Item(pointer, i), "must be a string");
            }
            else
            {
                Bounded(items[i], maxLength, GhlJsonPointer.Item(pointer, i));
            }
        }
    }

    /// <summary>Counts Unicode code points, as JSON Schema's <c>maxLength</c> does, so an emoji counts once.</summary>
    internal static bool ExceedsLength(string? value, int max)
    {
        if (value is null || value.Length <= max)
        {
            return false;
        }

        var codePoints = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            if (++codePoints > max)
            {
                return true;
            }
        }

        return false;
    }
}
