using Loopwise.Core.Surveys;
using Loopwise.Features.Responses;
using Loopwise.Features.Responses.Import;

namespace Loopwise.Tests.Features.Responses;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Records_know_the_physical_line_they_start_on_across_quoted_line_breaks()
    {
        var reader = new CsvRecordReader(new StringReader("a,b\r\n\"x\r\ny\",\"q\"\"uote\"\n\nlast,\"\"\r"));

        var records = new List<CsvRecord>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        Assert.Equal(new[] { 1, 2, 5 }, records.Select(r => r.Line));
        Assert.Equal(new[] { "x\r\ny", "q\"uote" }, records[1].Fields);
        Assert.Equal(new[] { "last", string.Empty }, records[2].Fields);
    }

    [Fact]
    public void Compact_answers_json_reads_back_with_the_storage_format()
    {
        var answers = AnswerSet.Of(("nps", AnswerValue.OfNumber(9)), ("features", AnswerValue.OfChoices("fast", "cheap")), ("reason", AnswerValue.OfText("Très \"bien\"\n")));

        var json = AnswersJson.Serialize(answers);

        Assert.Equal(answers, SurveyJson.DeserializeAnswers(json));
        Assert.DoesNotContain("\n  ", json, StringComparison.Ordinal);
    }
}
