using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Tests.Hosting;

/// <summary>
/// One setting the app binds to an options property, written as in docs/settings.md (<c>Ghl__RateLimitMaxWait</c>,
/// a dictionary key as <c>{}</c>), with the value it holds when nothing is configured.
/// </summary>
internal sealed record BoundSetting(string Key, Type Type, object? Default)
{
    /// <summary>
    /// Every setting <c>AddRoezanGhl</c> binds: the options types it binds to configuration (one change-token source
    /// each), from their <c>SectionName</c>, walked into nested classes and dictionaries, with the defaults the app's
    /// own options pipeline gives for an empty configuration.
    /// </summary>
    public static IReadOnlyList<BoundSetting> OfTheApp()
    {
        var empty = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(empty).AddRoezanGhl(empty);
        var optionsTypes = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()
            .ToList();
        using var provider = services.BuildServiceProvider();
        var settings = new List<BoundSetting>();
        foreach (var type in optionsTypes)
        {
            var section = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
                ?? throw new InvalidOperationException($"{type.Name} is bound to configuration but has no public SectionName constant to document it by.");
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            var value = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            Walk(section.Replace(":", "__", StringComparison.Ordinal), type, value, settings);
        }

        return settings;
    }

    /// <summary>Null when <paramref name="documented"/> (<c>`value`</c> or <c>none</c>) is this default; otherwise what is wrong.</summary>
    public string? Disagreement(string documented)
    {
        if (documented == "none")
        {
            return IsUnset(Default) ? null : $"documented as none, but the default is '{Describe(Default)}'";
        }

        if (documented.Length < 3 || documented[0] != '`' || documented[^1] != '`')
        {
            return $"write the default as `value` or none, not '{documented}'";
        }

        var literal = documented[1..^1];
        if (IsUnset(Default))
        {
            return $"documented as '{literal}', but the default is unset (write none)";
        }

        object? parsed;
        try
        {
            // The configuration binder reads strings through the same converters.
            parsed = TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(Type) ?? Type).ConvertFromInvariantString(literal);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException)
        {
            return $"'{literal}' is not a {Type.Name}: {exception.Message}";
        }

        return Equals(parsed, Default) ? null : $"documented as '{literal}', but the default is '{Describe(Default)}'";
    }

    private static void Walk(string prefix, Type type, object? instance, List<BoundSetting> settings)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{prefix}__{property.Name}";
            var propertyType = property.PropertyType;
            var value = instance is null ? null : property.GetValue(instance);
            if (ListItemType(propertyType) is { } itemType && IsScalar(itemType))
            {
                // The binder fills a list through its getter too, item by index: PublicKeys__0, PublicKeys__1.
                settings.Add(new BoundSetting(key + "__{}", propertyType, value));
                continue;
            }

            if (property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            if (IsScalar(propertyType))
            {
                settings.Add(new BoundSetting(key, propertyType, value));
            }
            else if (DictionaryValueType(propertyType) is { } valueType)
            {
                if (IsScalar(valueType))
                {
                    settings.Add(new BoundSetting(key + "__{}", propertyType, value));
                }
                else
                {
                    Walk(key + "__{}", valueType, Activator.CreateInstance(valueType), settings);
                }
            }
            else
            {
                Walk(key, propertyType, value ?? Activator.CreateInstance(propertyType), settings);
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(TimeSpan) || underlying == typeof(Uri) || underlying == typeof(DateTimeOffset) || underlying == typeof(TimeOnly);
    }

    private static Type? ListItemType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>))
            ? type.GetGenericArguments()[0]
            : null;

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static bool IsUnset(object? value) =>
        value is null || value is string { Length: 0 } || (value is IEnumerable items and not string && !items.GetEnumerator().MoveNext());

    private static string Describe(object? value) => value switch
    {
        null => "null",
        TimeSpan span => span.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
