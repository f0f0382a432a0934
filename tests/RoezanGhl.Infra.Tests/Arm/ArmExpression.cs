using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>
/// A parsed ARM template expression, the text between <c>[</c> and <c>]</c> of a template string:
/// string and integer literals, function calls (<c>format(...)</c>, <c>__bicep.f(...)</c>), member
/// access (<c>.outputs</c>) and indexing (<c>['key']</c>).
/// </summary>
public abstract record ArmExpression
{
    // Rules evaluate the same few hundred expressions over and over (every mutation case, every rule).
    private static readonly ConcurrentDictionary<string, ArmExpression> Parsed = new(StringComparer.Ordinal);

    /// <summary>Whether a template string is an expression (<c>[...]</c>) rather than a literal (<c>[[</c> escapes a bracket).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Parses the text of a template string that <see cref="IsExpression"/> accepts.</summary>
    public static ArmExpression Parse(string text) => Parsed.GetOrAdd(text, static text =>
    {
        var reader = new Reader(text[1..^1]);
        var expression = reader.ReadExpression();
        reader.ExpectEnd();
        return expression;
    });

    public sealed record StringLiteral(string Value) : ArmExpression;

    public sealed record IntegerLiteral(long Value) : ArmExpression;

    public sealed record FunctionCall(string Function, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

    public sealed record Member(ArmExpression Target, string Name) : ArmExpression;

    public sealed record Index(ArmExpression Target, ArmExpression Key) : ArmExpression;

    private sealed class Reader(string text)
    {
        private int _position;

        public ArmExpression ReadExpression()
        {
            var expression = ReadPrimary();
            while (true)
            {
                SkipSpaces();
                if (TryTake('.'))
                {
                    expression = new Member(expression, ReadIdentifier(allowDots: false));
                }
                else if (TryTake('['))
                {
                    var key = ReadExpression();
                    Expect(']');
                    expression = new Index(expression, key);
                }
                else
                {
                    return expression;
                }
            }
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (_position != text.Length)
            {
                throw Error("end of expression");
            }
        }

        private ArmExpression ReadPrimary()
        {
            SkipSpaces();
            if (_position >= text.Length)
            {
                throw Error("a value");
            }

            var next = text[_position];
            if (next == '\'')
            {
                return new StringLiteral(ReadString());
            }

            if (next == '-' || char.IsAsciiDigit(next))
            {
                return new IntegerLiteral(ReadInteger());
            }

            // User-defined functions carry a namespace: __bicep.roezanAccountSettings(...).
            var function = ReadIdentifier(allowDots: true);
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpaces();
            if (!TryTake(')'))
            {
                do
                {
                    arguments.Add(ReadExpression());
                    SkipSpaces();
                }
                while (TryTake(','));
                Expect(')');
            }

            return new FunctionCall(function, arguments);
        }

        private string ReadString()
        {
            var value = new StringBuilder();
            _position++;
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (_position < text.Length && text[_position] == '\'')
                {
                    value.Append('\'');
                    _position++;
                }
                else
                {
                    return value.ToString();
                }
            }

            throw Error("the end of a string");
        }

        private long ReadInteger()
        {
            var start = _position;
            _position++;
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            return long.Parse(text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        private string ReadIdentifier(bool allowDots)
        {
            SkipSpaces();
            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_' || (allowDots && text[_position] == '.')))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw Error("a name");
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private bool TryTake(char expected)
        {
            SkipSpaces();
            if (_position < text.Length && text[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(char expected)
        {
            if (!TryTake(expected))
            {
                throw Error($"'{expected}'");
            }
        }

        private FormatException Error(string expected) =>
            new($"Expected {expected} at {_position} in ARM expression [{text}].");
    }
}
