namespace RoezanGhl.Engine.Intake;

/// <summary><c>application/json</c> or <c>application/*+json</c>, with no charset or a UTF-8 one.</summary>
internal static class JsonMediaType
{
    public static bool IsAcceptable(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var rest = contentType.AsSpan();
        var semicolon = rest.IndexOf(';');
        var mediaType = (semicolon < 0 ? rest : rest[..semicolon]).Trim();
        if (!mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) &&
            !(mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        while (semicolon >= 0)
        {
            rest = rest[(semicolon + 1)..];
            semicolon = rest.IndexOf(';');
            var parameter = (semicolon < 0 ? rest : rest[..semicolon]).Trim();
            var equals = parameter.IndexOf('=');
            if (equals < 0 || !parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var charset = parameter[(equals + 1)..].Trim().Trim('"');
            if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
