using BenchmarkDotNet.Attributes;
using Loopwise.Core.Surveys;
using Loopwise.Features.Responses;

namespace Loopwise.Benchmarks;

/// <summary>
/// The CPU work of ingesting 10 000 responses, without I/O: reading and validating answers, accumulating rollup
/// deltas and writing the answers JSON. <c>dotnet run -c Release --project bench/Loopwise.Benchmarks -- --filter *Ingestion*</c>
/// </summary>
[MemoryDiagnoser]
public class IngestionKernels
{
    private const int Count = 10_000;
    private readonly SurveyDefinition _definition = new()
    {
        DefaultLanguage = "en",
        Languages = ["en"],
        Title = new LocalizedText("en", "After checkout"),
        Questions =
        [
            new Question { Id = "nps", Type = QuestionType.Nps, Text = new LocalizedText("en", "Recommend?"), Required = true },
            new Question { Id = "csat", Type = QuestionType.Csat, Text = new LocalizedText("en", "Satisfied?"), Required = true },
            new Question { Id = "reason", Type = QuestionType.Text, Text = new LocalizedText("en", "Why?") },
        ],
    };

    private ResponseToStore[] _responses = [];
    private Dictionary<string, AnswerInput>[] _inputs = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var day = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        _inputs = new Dictionary<string, AnswerInput>[Count];
        _responses = new ResponseToStore[Count];
        for (var i = 0; i < Count; i++)
        {
            _inputs[i] = new Dictionary<string, AnswerInput>(StringComparer.Ordinal)
            {
                ["nps"] = AnswerInput.Of(random.Next(0, 11)),
                ["csat"] = AnswerInput.Of(random.Next(1, 6)),
                ["reason"] = AnswerInput.Of("Delivery was quick."),
            };
            var completed = day.AddMinutes(-random.Next(0, 60 * 24 * 30));
            _responses[i] = new ResponseToStore(Guid.NewGuid(), Guid.Empty, 1, Guid.Empty, null, null, DistributionChannel.Api, "en", completed, completed, Read(_inputs[i]), null);
        }
    }

    [Benchmark(Description = "read + normalise + validate 10 000 answer sets")]
    public int Validate()
    {
        var errors = 0;
        foreach (var input in _inputs)
        {
            errors += AnswerValidator.Validate(_definition, AnswerNormalizer.Normalize(Read(input)), AnswerMode.Complete).Count;
        }

        return errors;
    }

    [Benchmark(Description = "RollupDelta.AddCompleted x 10 000")]
    public int Rollups()
    {
        var delta = new RollupDelta();
        foreach (var response in _responses)
        {
            delta.AddCompleted(_definition, response);
        }

        return delta.Answers.Count;
    }

    [Benchmark(Description = "AnswersJson.Serialize x 10 000")]
    public int Json()
    {
        var length = 0;
        foreach (var response in _responses)
        {
            length += AnswersJson.Serialize(response.Answers).Length;
        }

        return length;
    }

    private AnswerSet Read(Dictionary<string, AnswerInput> input)
    {
        var values = new Dictionary<string, AnswerValue>(input.Count, StringComparer.Ordinal);
        foreach (var (id, answer) in input)
        {
            values[id] = AnswerReader.FromInput(_definition.FindQuestion(id), answer, out _);
        }

        return new AnswerSet(values);
    }
}
