using System.Collections.Immutable;
using FactGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FactGen.Analyzers.UserCode;

/// <summary>
/// FG1001/FG1002: fact ids written as strings in user code.
/// <list type="bullet">
/// <item>An argument of a generated <c>Find</c>/<c>TryGet</c> (<c>Officials.Find("he-lifeng")</c>).</item>
/// <item>A string compared with the <c>Id</c> of a generated fact whose static type is a concrete kind
/// (<c>official.Id == "he-lifeng"</c>, <c>!=</c>, <c>is "…"</c>, <c>case "…":</c>, switch-expression arms,
/// <c>{ Id: "…" }</c> property patterns).</item>
/// </list>
/// A string is checked when it is a compile-time constant (literal, <c>const</c> field, or a constant expression
/// such as <c>"he-" + "lifeng"</c>) written without string interpolation. An unknown id is an error (the lookup
/// always fails, the comparison is always false); a known one gets a suggestion to use the typed member or
/// <c>Ids</c> constant (not for deprecated facts, whose member is <c>[Obsolete]</c>; in comparisons only for a
/// literal, not for the user's own constant).
/// Cost: one cache of recognised types per compilation; each operation is first filtered by name or operator
/// kind, then by the cached type check; nothing reads source text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FactIdAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => UserCodeDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var session = new Session(new GeneratedKinds());
            start.RegisterOperationAction(session.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(session.AnalyzeBinary, OperationKind.Binary);
            start.RegisterOperationAction(session.AnalyzeIsPattern, OperationKind.IsPattern);
            start.RegisterOperationAction(session.AnalyzeSwitch, OperationKind.Switch);
            start.RegisterOperationAction(session.AnalyzeSwitchExpression, OperationKind.SwitchExpression);
            start.RegisterOperationAction(session.AnalyzeRecursivePattern, OperationKind.RecursivePattern);
        });
    }

    /// <summary>The analysis of one compilation.</summary>
    private sealed class Session
    {
        private readonly GeneratedKinds _kinds;

        public Session(GeneratedKinds kinds) => _kinds = kinds;

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            string mode;
            if (method.Name == "Find") mode = UserCodeIds.Properties.FindMode;
            else if (method.Name == "TryGet") mode = UserCodeIds.Properties.TryGetMode;
            else return;

            if (!method.IsStatic || method.Parameters.Length != (mode == UserCodeIds.Properties.FindMode ? 1 : 2)) return;
            if (method.Parameters[0].Type.SpecialType != SpecialType.System_String) return;
            if (mode == UserCodeIds.Properties.TryGetMode && method.Parameters[1].RefKind != RefKind.Out) return;
            if (_kinds.ForClass(method.ContainingType) is not { } kind) return;

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal != 0) continue;
                if (ConstantString(argument.Value) is { } id) Report(context, kind, id, argument.Value, mode);
                return;
            }
        }

        public void AnalyzeBinary(OperationAnalysisContext context)
        {
            var binary = (IBinaryOperation)context.Operation;
            if (binary.OperatorKind is not (BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)) return;
            if (!binary.LeftOperand.ConstantValue.HasValue && KindOfId(binary.LeftOperand) is { } kind)
            {
                CheckCompared(context, kind, binary.RightOperand);
            }
            else if (!binary.RightOperand.ConstantValue.HasValue && KindOfId(binary.RightOperand) is { } kind2)
            {
                CheckCompared(context, kind2, binary.LeftOperand);
            }
        }

        public void AnalyzeIsPattern(OperationAnalysisContext context)
        {
            var isPattern = (IIsPatternOperation)context.Operation;
            if (KindOfId(isPattern.Value) is { } kind) CheckPattern(context, kind, isPattern.Pattern);
        }

        public void AnalyzeSwitch(OperationAnalysisContext context)
        {
            var switchOperation = (ISwitchOperation)context.Operation;
            if (KindOfId(switchOperation.Value) is not { } kind) return;
            foreach (ISwitchCaseOperation section in switchOperation.Cases)
            {
                foreach (ICaseClauseOperation clause in section.Clauses)
                {
                    if (clause is ISingleValueCaseClauseOperation single) CheckCompared(context, kind, single.Value);
                    else if (clause is IPatternCaseClauseOperation pattern) CheckPattern(context, kind, pattern.Pattern);
                }
            }
        }

        public void AnalyzeSwitchExpression(OperationAnalysisContext context)
        {
            var switchExpression = (ISwitchExpressionOperation)context.Operation;
            if (KindOfId(switchExpression.Value) is not { } kind) return;
            foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms) CheckPattern(context, kind, arm.Pattern);
        }

        public void AnalyzeRecursivePattern(OperationAnalysisContext context)
        {
            var pattern = (IRecursivePatternOperation)context.Operation;
            if (pattern.PropertySubpatterns.IsEmpty) return;
            foreach (IPropertySubpatternOperation sub in pattern.PropertySubpatterns)
            {
                if (sub.Member is IPropertyReferenceOperation { Property.Name: "Id" } property
                    && IsFactId(property.Property)
                    && _kinds.ForModel(pattern.MatchedType) is { } kind)
                {
                    CheckPattern(context, kind, sub.Pattern);
                }
            }
        }

        private void CheckPattern(OperationAnalysisContext context, FactKindInfo kind, IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    CheckCompared(context, kind, constant.Value);
                    break;
                case IBinaryPatternOperation binary:
                    CheckPattern(context, kind, binary.LeftPattern);
                    CheckPattern(context, kind, binary.RightPattern);
                    break;
                case INegatedPatternOperation negated:
                    CheckPattern(context, kind, negated.Pattern);
                    break;
            }
        }

        private void CheckCompared(OperationAnalysisContext context, FactKindInfo kind, IOperation value)
        {
            if (ConstantString(value) is { } id) Report(context, kind, id, value, UserCodeIds.Properties.CompareMode);
        }

        /// <summary>The kind of <c>x.Id</c> (or <c>x?.Id</c>) where x's static type is a generated concrete fact type.</summary>
        private FactKindInfo? KindOfId(IOperation operation)
        {
            operation = WithoutConversions(operation);
            if (operation is IConditionalAccessOperation conditional) operation = WithoutConversions(conditional.WhenNotNull);
            if (operation is not IPropertyReferenceOperation { Property.Name: "Id", Instance: { } instance } property) return null;
            if (!IsFactId(property.Property)) return null;
            return _kinds.ForModel(instance.Type);
        }

        /// <summary>The generated <c>Fact.Id</c> property (declared on the generated base class, or an override of it).</summary>
        private static bool IsFactId(IPropertySymbol property)
            => !property.IsStatic && property.Type.SpecialType == SpecialType.System_String
               && property.ContainingType is { } declaring && GeneratedKinds.IsFactGenGenerated(declaring);

        private static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
            return operation;
        }

        /// <summary>The value of an interpolation-free constant string expression, or null.</summary>
        private static string? ConstantString(IOperation operation)
        {
            if (!operation.ConstantValue.HasValue || operation.ConstantValue.Value is not string value) return null;
            if (operation is ILiteralOperation) return value;
            foreach (IOperation part in operation.DescendantsAndSelf())
            {
                if (part is IInterpolatedStringOperation) return null;
            }
            return value;
        }

        private void Report(OperationAnalysisContext context, FactKindInfo kind, string id, IOperation value, string mode)
        {
            // At the expression as written, parentheses included (the operation tree drops them).
            SyntaxNode at = value.Syntax;
            while (at.Parent is ParenthesizedExpressionSyntax parenthesized) at = parenthesized;

            if (kind.TryGetMember(id, out string member))
            {
                if (kind.IsObsolete(member)) return;
                bool compare = mode == UserCodeIds.Properties.CompareMode;
                // A comparison already written with a constant (an Ids constant or the user's own) is left alone.
                if (compare && WithoutConversions(value) is not ILiteralOperation) return;
                INamedTypeSymbol owner = compare ? kind.Ids : kind.Type;
                string replacement = owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + Linking.Naming.Escape(member);
                string shown = owner.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "." + member;
                if (compare) shown = kind.Type.Name + "." + shown;
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(UserCodeIds.Properties.Mode, mode);
                properties.Add(UserCodeIds.Properties.Replacement, replacement);
                context.ReportDiagnostic(Diagnostic.Create(UserCodeDescriptors.UseTypedMember, at.GetLocation(), properties.ToImmutable(), shown, id));
                return;
            }
            context.ReportDiagnostic(Diagnostic.Create(UserCodeDescriptors.UnknownId, at.GetLocation(), id, kind.Singular, Hint(kind, id)));
        }

        /// <summary>"; did you mean '…'?" — the same id in other letter case, the id of a member of that name,
        /// the id of a fact of another kind, or the nearest id within a small edit distance.</summary>
        private string Hint(FactKindInfo kind, string id)
        {
            string? near = kind.IdIgnoringCase(id) ?? kind.IdOfMember(id) ?? kind.IdOfMember(Linking.Naming.ToPascalCase(id));
            if (near is not null) return "; did you mean '" + near + "'?";

            for (int i = 0; i < GeneratedKinds.ClassNames.Length; i++)
            {
                if (i == kind.Index || _kinds.Sibling(kind, i) is not { } other || !other.TryGetMember(id, out string member)) continue;
                string article = other.Singular[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ";
                return "; it is " + article + other.Singular + " id (" + other.Type.Name + "." + member + ")";
            }

            near = FactSchema.Closest(id, kind.AllIds);
            return near is null ? string.Empty : "; did you mean '" + near + "'?";
        }
    }
}
