using System.Text;

namespace Alerts.Core.Text;

/// <summary>
/// An RFC 4180 CSV reader: fields separated by commas, optionally quoted with '"', quotes doubled inside quoted
/// fields, line breaks allowed inside quotes, CRLF or LF record ends. Backslashes are ordinary characters.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder field = new();
    private int line = 1;

    /// <summary>1-based line where the last returned record started.</summary>
    public int RecordLine { get; private set; }


    /// <summary>Reads the next record, or null at the end. Throws <see cref="FormatException"/> for broken quoting.</summary>
    public List<string>? ReadRecord()
    {
        var c = reader.Peek();
        if (c < 0)
        {
            return null;
        }

        RecordLine = line;
        var record = new List<string>();
        field.Clear();
        var quoted = false;
        var fieldStarted = false;
        var afterQuote = false;
        while (true)
        {
            c = reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    throw new FormatException($"line {RecordLine}: a quoted field is not closed before the end of the file");
                }

                record.Add(field.ToString());
                return record;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    fieldStarted = afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    line++;
                    record.Add(field.ToString());
                    return record;
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                default:
                    if (afterQuote)
                    {
                        throw new FormatException($"line {line}: unexpected '{ch}' after the closing quote of a field");
                    }

                    // A stray quote inside an unquoted field is kept as text, as most producers mean it.
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
    }
}
