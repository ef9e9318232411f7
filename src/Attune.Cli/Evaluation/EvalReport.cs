namespace Attune.Cli.Evaluation;

/// <summary>One line of an evaluation table: Attune's figure beside the published anchor, when there is one.</summary>
internal sealed record EvalRow(string Metric, double Attune, double? Anchor, string? Note = null);

/// <summary>The result of one evaluation: a titled table plus notes on protocol and data.</summary>
internal sealed record EvalReport(string Title, string AnchorName, IReadOnlyList<EvalRow> Rows, IReadOnlyList<string> Notes);
