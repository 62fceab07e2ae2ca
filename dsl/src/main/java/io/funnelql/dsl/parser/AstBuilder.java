package io.funnelql.dsl.parser;

import io.funnelql.dsl.ast.ColumnDefinition;
import io.funnelql.dsl.ast.CountByClause;
import io.funnelql.dsl.ast.DurationNode;
import io.funnelql.dsl.ast.ExpressionNode;
import io.funnelql.dsl.ast.FunnelClause;
import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.ast.MetricClause;
import io.funnelql.dsl.ast.NamedCondition;
import io.funnelql.dsl.ast.NullConditionClause;
import io.funnelql.dsl.ast.PathsClause;
import io.funnelql.dsl.ast.QualifiedName;
import io.funnelql.dsl.ast.RetentionClause;
import io.funnelql.dsl.ast.SequenceClause;
import io.funnelql.dsl.ast.SessionsClause;
import io.funnelql.dsl.ast.SourceElement;
import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.TimeUnit;
import io.funnelql.dsl.ast.TypeNode;
import io.funnelql.dsl.ast.WhereClause;
import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.grammar.FunnelQLBaseVisitor;
import io.funnelql.dsl.grammar.FunnelQLLexer;
import io.funnelql.dsl.grammar.FunnelQLParser;
import io.funnelql.dsl.model.CohortKind;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.PathDirection;
import io.funnelql.dsl.model.PeriodUnit;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.dsl.model.ReturnMatch;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.dsl.model.SessionsReport;
import io.funnelql.dsl.model.TiePolicy;
import io.funnelql.dsl.model.WindowAnchor;
import io.funnelql.dsl.model.WindowBound;
import io.funnelql.dsl.model.expression.ArithmeticOperator;
import io.funnelql.dsl.model.expression.ComparisonOperator;
import io.funnelql.dsl.model.expression.LogicalOperator;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.List;
import java.util.Optional;

/** Builds the immutable AST from a parse tree: one visit method per labelled alternative. */
final class AstBuilder extends FunnelQLBaseVisitor<Object> {

    Statement buildStatement(FunnelQLParser.SingleStatementContext context) {
        return (Statement) visit(context.statement());
    }

    // ---- statements

    @Override
    public Statement visitSourceDeclaration(FunnelQLParser.SourceDeclarationContext context) {
        return new Statement.SourceDeclaration(identifier(context.name), (QualifiedName) visit(context.table),
                list(context.sourceElement(), SourceElement.class), location(context));
    }

    @Override
    public Statement visitParameterDeclaration(FunnelQLParser.ParameterDeclarationContext context) {
        return new Statement.ParameterDeclaration(identifier(context.name), type(context.dataType()),
                Optional.ofNullable(context.literal()).map(this::expression), location(context));
    }

    @Override
    public Statement visitFunnelQuery(FunnelQLParser.FunnelQueryContext context) {
        return new Statement.FunnelDeclaration(identifier(context.name), identifier(context.source),
                list(context.funnelClause(), FunnelClause.class), location(context));
    }

    @Override
    public Statement visitMetricQuery(FunnelQLParser.MetricQueryContext context) {
        return new Statement.MetricDeclaration(identifier(context.name), identifier(context.source),
                list(context.metricClause(), MetricClause.class), location(context));
    }

    @Override
    public Statement visitSessionsQuery(FunnelQLParser.SessionsQueryContext context) {
        return new Statement.SessionsDeclaration(identifier(context.name), identifier(context.source),
                list(context.sessionsClause(), SessionsClause.class), location(context));
    }

    @Override
    public Statement visitRetentionQuery(FunnelQLParser.RetentionQueryContext context) {
        return new Statement.RetentionDeclaration(identifier(context.name), identifier(context.source),
                list(context.retentionClause(), RetentionClause.class), location(context));
    }

    @Override
    public Statement visitSequenceQuery(FunnelQLParser.SequenceQueryContext context) {
        return new Statement.SequenceDeclaration(identifier(context.name), identifier(context.source),
                list(context.sequenceClause(), SequenceClause.class), location(context));
    }

    @Override
    public Statement visitPathsQuery(FunnelQLParser.PathsQueryContext context) {
        return new Statement.PathsDeclaration(identifier(context.name), identifier(context.source),
                list(context.pathsClause(), PathsClause.class), location(context));
    }

    // ---- source elements

    @Override
    public SourceElement visitKeyElement(FunnelQLParser.KeyElementContext context) {
        return new SourceElement.KeyElement(identifier(context.column), optionalType(context.dataType()), location(context));
    }

    @Override
    public SourceElement visitTimeElement(FunnelQLParser.TimeElementContext context) {
        return new SourceElement.TimeElement(identifier(context.column), optionalType(context.dataType()), location(context));
    }

    @Override
    public SourceElement visitTenantElement(FunnelQLParser.TenantElementContext context) {
        return new SourceElement.TenantElement(identifier(context.column), optionalType(context.dataType()), location(context));
    }

    @Override
    public SourceElement visitEventIdElement(FunnelQLParser.EventIdElementContext context) {
        return new SourceElement.EventIdElement(identifier(context.column), optionalType(context.dataType()), location(context));
    }

    @Override
    public SourceElement visitEventNameElement(FunnelQLParser.EventNameElementContext context) {
        return new SourceElement.EventNameElement(identifier(context.column), optionalType(context.dataType()), location(context));
    }

    @Override
    public SourceElement visitColumnsElement(FunnelQLParser.ColumnsElementContext context) {
        return new SourceElement.ColumnsElement(list(context.columnDefinition(), ColumnDefinition.class), location(context));
    }

    @Override
    public ColumnDefinition visitColumnDefinition(FunnelQLParser.ColumnDefinitionContext context) {
        return new ColumnDefinition(identifier(context.identifier()), type(context.dataType()), location(context));
    }

    @Override
    public TypeNode visitVarcharType(FunnelQLParser.VarcharTypeContext context) {
        return new TypeNode(DataType.VARCHAR, location(context));
    }

    @Override
    public TypeNode visitIntegerType(FunnelQLParser.IntegerTypeContext context) {
        return new TypeNode(DataType.BIGINT, location(context));
    }

    @Override
    public TypeNode visitDoubleType(FunnelQLParser.DoubleTypeContext context) {
        return new TypeNode(DataType.DOUBLE, location(context));
    }

    @Override
    public TypeNode visitBooleanType(FunnelQLParser.BooleanTypeContext context) {
        return new TypeNode(DataType.BOOLEAN, location(context));
    }

    @Override
    public TypeNode visitTimestampType(FunnelQLParser.TimestampTypeContext context) {
        return new TypeNode(DataType.TIMESTAMP, location(context));
    }

    @Override
    public TypeNode visitDateType(FunnelQLParser.DateTypeContext context) {
        return new TypeNode(DataType.DATE, location(context));
    }

    // ---- clauses shared by every query kind

    @Override
    public CountByClause visitCountByClause(FunnelQLParser.CountByClauseContext context) {
        return new CountByClause(list(context.identifier(), Identifier.class), location(context));
    }

    @Override
    public WhereClause visitWhereClause(FunnelQLParser.WhereClauseContext context) {
        return new WhereClause(expression(context.expression()), location(context));
    }

    @Override
    public NullConditionClause visitNullSkipsRow(FunnelQLParser.NullSkipsRowContext context) {
        return new NullConditionClause(NullConditionPolicy.SKIP_ROW, location(context));
    }

    @Override
    public NullConditionClause visitNullIsFalse(FunnelQLParser.NullIsFalseContext context) {
        return new NullConditionClause(NullConditionPolicy.FALSE, location(context));
    }

    @Override
    public NamedCondition visitNamedCondition(FunnelQLParser.NamedConditionContext context) {
        return new NamedCondition(identifier(context.name), expression(context.expression()), location(context));
    }

    @Override
    public DurationNode visitDuration(FunnelQLParser.DurationContext context) {
        return new DurationNode(integer(context.amount), TimeUnit.fromKeyword(context.unit.getText()), location(context));
    }

    // ---- funnel clauses

    @Override
    public Object visitFunnelCountBy(FunnelQLParser.FunnelCountByContext context) {
        return visit(context.countByClause());
    }

    @Override
    public Object visitFunnelWhere(FunnelQLParser.FunnelWhereContext context) {
        return visit(context.whereClause());
    }

    @Override
    public Object visitFunnelNullCondition(FunnelQLParser.FunnelNullConditionContext context) {
        return visit(context.nullConditionClause());
    }

    @Override
    public FunnelClause visitWindowClause(FunnelQLParser.WindowClauseContext context) {
        WindowAnchor anchor = context.anchor.getType() == FunnelQLLexer.FIRST ? WindowAnchor.FIRST_STEP : WindowAnchor.PREVIOUS_STEP;
        Optional<WindowBound> bound = Optional.ofNullable(context.bound)
                .map(token -> token.getType() == FunnelQLLexer.INCLUSIVE ? WindowBound.INCLUSIVE : WindowBound.EXCLUSIVE);
        return new FunnelClause.Window(duration(context.duration()), anchor, bound, location(context));
    }

    @Override
    public FunnelClause visitEntryClause(FunnelQLParser.EntryClauseContext context) {
        EntryPolicy policy = switch (context.policy.getType()) {
            case FunnelQLLexer.FIRST -> EntryPolicy.FIRST;
            case FunnelQLLexer.LATEST -> EntryPolicy.LATEST;
            default -> EntryPolicy.EVERY;
        };
        return new FunnelClause.Entry(policy, location(context));
    }

    @Override
    public FunnelClause visitModeClause(FunnelQLParser.ModeClauseContext context) {
        List<Identifier> modes = context.modeName().stream().map(mode -> identifier(mode.identifier())).toList();
        return new FunnelClause.Mode(modes, location(context));
    }

    @Override
    public FunnelClause visitProfileClause(FunnelQLParser.ProfileClauseContext context) {
        return new FunnelClause.ProfileClause(identifier(context.profile), location(context));
    }

    @Override
    public FunnelClause visitTiesClause(FunnelQLParser.TiesClauseContext context) {
        TiePolicy policy = context.policy.getType() == FunnelQLLexer.ALLOWED ? TiePolicy.ALLOWED : TiePolicy.FORBIDDEN;
        return new FunnelClause.Ties(policy, location(context));
    }

    @Override
    public FunnelClause visitStepsClause(FunnelQLParser.StepsClauseContext context) {
        return new FunnelClause.Steps(list(context.namedCondition(), NamedCondition.class), location(context));
    }

    @Override
    public FunnelClause visitExclusionClause(FunnelQLParser.ExclusionClauseContext context) {
        return new FunnelClause.Exclude((NamedCondition) visit(context.namedCondition()),
                Optional.ofNullable(context.from).map(this::identifier),
                Optional.ofNullable(context.to).map(this::identifier), location(context));
    }

    @Override
    public FunnelClause visitBreakdownClause(FunnelQLParser.BreakdownClauseContext context) {
        return new FunnelClause.Breakdown(identifier(context.column),
                (FunnelClause.AttributionNode) visit(context.attribution()), location(context));
    }

    @Override
    public FunnelClause.AttributionNode visitFirstStepAttribution(FunnelQLParser.FirstStepAttributionContext context) {
        return new FunnelClause.AttributionNode.FirstStep();
    }

    @Override
    public FunnelClause.AttributionNode visitLastStepAttribution(FunnelQLParser.LastStepAttributionContext context) {
        return new FunnelClause.AttributionNode.LastStep();
    }

    @Override
    public FunnelClause.AttributionNode visitNamedStepAttribution(FunnelQLParser.NamedStepAttributionContext context) {
        return new FunnelClause.AttributionNode.NamedStep(identifier(context.step));
    }

    @Override
    public FunnelClause visitFunnelReportClause(FunnelQLParser.FunnelReportClauseContext context) {
        return new FunnelClause.Report((FunnelReport) visit(context.funnelReport()), location(context));
    }

    @Override
    public FunnelReport visitStepsReport(FunnelQLParser.StepsReportContext context) {
        return FunnelReport.STEPS;
    }

    @Override
    public FunnelReport visitPerKeyReport(FunnelQLParser.PerKeyReportContext context) {
        return FunnelReport.PER_KEY;
    }

    @Override
    public FunnelReport visitTimeToConvertReport(FunnelQLParser.TimeToConvertReportContext context) {
        return FunnelReport.TIME_TO_CONVERT;
    }

    // ---- sessions clauses

    @Override
    public Object visitSessionsCountBy(FunnelQLParser.SessionsCountByContext context) {
        return visit(context.countByClause());
    }

    @Override
    public Object visitSessionsWhere(FunnelQLParser.SessionsWhereContext context) {
        return visit(context.whereClause());
    }

    @Override
    public SessionsClause visitGapClause(FunnelQLParser.GapClauseContext context) {
        return new SessionsClause.Gap(duration(context.duration()), location(context));
    }

    @Override
    public SessionsClause visitMaxLengthClause(FunnelQLParser.MaxLengthClauseContext context) {
        return new SessionsClause.MaxLength(duration(context.duration()), location(context));
    }

    @Override
    public SessionsClause visitLatenessClause(FunnelQLParser.LatenessClauseContext context) {
        return new SessionsClause.Lateness(duration(context.duration()), location(context));
    }

    @Override
    public SessionsClause visitSessionsReportClause(FunnelQLParser.SessionsReportClauseContext context) {
        SessionsReport report = context.report.getType() == FunnelQLLexer.SESSIONS ? SessionsReport.SESSIONS : SessionsReport.EVENTS;
        return new SessionsClause.Report(report, location(context));
    }

    // ---- retention clauses

    @Override
    public Object visitRetentionCountBy(FunnelQLParser.RetentionCountByContext context) {
        return visit(context.countByClause());
    }

    // ---- sequence clauses

    @Override
    public Object visitSequenceCountBy(FunnelQLParser.SequenceCountByContext context) {
        return visit(context.countByClause());
    }

    @Override
    public Object visitSequenceWhere(FunnelQLParser.SequenceWhereContext context) {
        return visit(context.whereClause());
    }

    @Override
    public Object visitSequenceNullCondition(FunnelQLParser.SequenceNullConditionContext context) {
        return visit(context.nullConditionClause());
    }

    @Override
    public SequenceClause visitSequenceProfileClause(FunnelQLParser.SequenceProfileClauseContext context) {
        return new SequenceClause.ProfileClause(identifier(context.profile), location(context));
    }

    @Override
    public SequenceClause visitSequenceConditionsClause(FunnelQLParser.SequenceConditionsClauseContext context) {
        return new SequenceClause.Conditions(list(context.namedCondition(), NamedCondition.class), location(context));
    }

    @Override
    public SequenceClause visitPatternClause(FunnelQLParser.PatternClauseContext context) {
        Token token = context.pattern.getStart();
        return new SequenceClause.Pattern(unquote(token), new SourceLocation(token.getLine(), token.getCharPositionInLine() + 2),
                location(context));
    }

    @Override
    public SequenceClause visitSequenceReportClause(FunnelQLParser.SequenceReportClauseContext context) {
        Object report = visit(context.sequenceReport());
        return report instanceof SequenceClause.NodeReport node ? node
                : new SequenceClause.Report((SequenceReport) report, location(context));
    }

    @Override
    public SequenceReport visitPerKeySequenceReport(FunnelQLParser.PerKeySequenceReportContext context) {
        return new SequenceReport.PerKey();
    }

    @Override
    public SequenceReport visitSummarySequenceReport(FunnelQLParser.SummarySequenceReportContext context) {
        return new SequenceReport.Summary();
    }

    @Override
    public SequenceReport visitEventsSequenceReport(FunnelQLParser.EventsSequenceReportContext context) {
        return new SequenceReport.MatchedEvents();
    }

    @Override
    public SequenceClause visitNodeSequenceReport(FunnelQLParser.NodeSequenceReportContext context) {
        SequenceReport.Direction direction = context.direction.getType() == FunnelQLLexer.NEXT
                ? SequenceReport.Direction.FORWARD : SequenceReport.Direction.BACKWARD;
        return new SequenceClause.NodeReport(direction, identifier(context.value), identifier(context.base),
                Optional.ofNullable(context.condition).map(this::expression), location(context.getParent()));
    }

    // ---- paths clauses

    @Override
    public Object visitPathsCountBy(FunnelQLParser.PathsCountByContext context) {
        return visit(context.countByClause());
    }

    @Override
    public Object visitPathsWhere(FunnelQLParser.PathsWhereContext context) {
        return visit(context.whereClause());
    }

    @Override
    public PathsClause visitAnchorClause(FunnelQLParser.AnchorClauseContext context) {
        PathDirection direction = context.direction.getType() == FunnelQLLexer.START
                ? PathDirection.AFTER_ANCHOR : PathDirection.BEFORE_ANCHOR;
        return new PathsClause.Anchor(direction, expression(context.expression()), location(context));
    }

    @Override
    public PathsClause visitPathSessionGapClause(FunnelQLParser.PathSessionGapClauseContext context) {
        return new PathsClause.SessionGap(duration(context.duration()), location(context));
    }

    @Override
    public PathsClause visitPathWindowClause(FunnelQLParser.PathWindowClauseContext context) {
        return new PathsClause.Window(duration(context.duration()), location(context));
    }

    @Override
    public PathsClause visitDepthClause(FunnelQLParser.DepthClauseContext context) {
        Token number = context.INTEGER_VALUE().getSymbol();
        return new PathsClause.Depth(integer(number), location(number), location(context));
    }

    @Override
    public PathsClause visitNodeClause(FunnelQLParser.NodeClauseContext context) {
        return new PathsClause.NodeColumn(identifier(context.column), location(context));
    }

    @Override
    public PathsClause visitCleanClause(FunnelQLParser.CleanClauseContext context) {
        return new PathsClause.Clean(list(context.cleanRule(), PathsClause.CleanRule.class), location(context));
    }

    @Override
    public PathsClause.CleanRule visitCleanRule(FunnelQLParser.CleanRuleContext context) {
        Token label = context.label.getStart();
        return new PathsClause.CleanRule(unquote(label), expression(context.expression()), location(label));
    }

    @Override
    public PathsClause visitCollapseClause(FunnelQLParser.CollapseClauseContext context) {
        return new PathsClause.Collapse(location(context));
    }

    @Override
    public PathsClause visitTopClause(FunnelQLParser.TopClauseContext context) {
        Token number = context.INTEGER_VALUE().getSymbol();
        return new PathsClause.Top(integer(number), location(number), location(context));
    }

    @Override
    public PathsClause visitPathsReportClause(FunnelQLParser.PathsReportClauseContext context) {
        return new PathsClause.Report(location(context));
    }

    // ---- metric clauses

    @Override
    public Object visitMetricWhere(FunnelQLParser.MetricWhereContext context) {
        return visit(context.whereClause());
    }

    @Override
    public MetricClause visitMetricPeriodClause(FunnelQLParser.MetricPeriodClauseContext context) {
        return new MetricClause.Period(periodUnit(context.unit), location(context));
    }

    @Override
    public MetricClause visitMetricTimeZoneClause(FunnelQLParser.MetricTimeZoneClauseContext context) {
        return new MetricClause.TimeZone(unquote(context.zone.getStart()), location(context));
    }

    @Override
    public MetricClause visitSumClause(FunnelQLParser.SumClauseContext context) {
        return new MetricClause.Sum(context.identifier().stream().map(this::identifier).toList(), location(context));
    }

    @Override
    public Object visitRetentionWhere(FunnelQLParser.RetentionWhereContext context) {
        return visit(context.whereClause());
    }

    @Override
    public Object visitRetentionNullCondition(FunnelQLParser.RetentionNullConditionContext context) {
        return visit(context.nullConditionClause());
    }

    @Override
    public RetentionClause visitCohortClause(FunnelQLParser.CohortClauseContext context) {
        CohortKind kind = context.kind.getType() == FunnelQLLexer.FIRST ? CohortKind.FIRST : CohortKind.RECURRING;
        return new RetentionClause.Cohort(kind, expression(context.expression()), location(context));
    }

    @Override
    public RetentionClause visitReturnClause(FunnelQLParser.ReturnClauseContext context) {
        return new RetentionClause.Return(expression(context.expression()), location(context));
    }

    @Override
    public RetentionClause visitCalendarPeriodClause(FunnelQLParser.CalendarPeriodClauseContext context) {
        return new RetentionClause.CalendarPeriod(periodUnit(context.unit), location(context));
    }

    /** {@code day | week | month}, the grammar's only spellings of a calendar period. */
    private static PeriodUnit periodUnit(Token unit) {
        return switch (unit.getType()) {
            case FunnelQLLexer.DAY -> PeriodUnit.DAY;
            case FunnelQLLexer.WEEK -> PeriodUnit.WEEK;
            default -> PeriodUnit.MONTH;
        };
    }

    @Override
    public RetentionClause visitRollingPeriodClause(FunnelQLParser.RollingPeriodClauseContext context) {
        return new RetentionClause.RollingPeriod(duration(context.duration()), location(context));
    }

    @Override
    public RetentionClause visitTimeZoneClause(FunnelQLParser.TimeZoneClauseContext context) {
        return new RetentionClause.TimeZone(unquote(context.zone.getStart()), location(context));
    }

    @Override
    public RetentionClause visitOffsetListClause(FunnelQLParser.OffsetListClauseContext context) {
        List<Integer> offsets = context.offsetNumber().stream().map(this::offset).toList();
        return new RetentionClause.OffsetList(offsets, location(context));
    }

    @Override
    public RetentionClause visitOffsetRangeClause(FunnelQLParser.OffsetRangeClauseContext context) {
        return new RetentionClause.OffsetRange(offset(context.from), offset(context.to), location(context));
    }

    @Override
    public RetentionClause visitReturningClause(FunnelQLParser.ReturningClauseContext context) {
        ReturnMatch match = context.AFTER() == null ? ReturnMatch.ON : ReturnMatch.ON_OR_AFTER;
        return new RetentionClause.Returning(match, location(context));
    }

    @Override
    public RetentionClause visitConditionsClause(FunnelQLParser.ConditionsClauseContext context) {
        return new RetentionClause.Conditions(list(context.namedCondition(), NamedCondition.class), location(context));
    }

    @Override
    public RetentionClause visitRetentionReportClause(FunnelQLParser.RetentionReportClauseContext context) {
        return new RetentionClause.Report((RetentionReport) visit(context.retentionReport()), location(context));
    }

    @Override
    public RetentionReport visitCohortsReport(FunnelQLParser.CohortsReportContext context) {
        return RetentionReport.COHORTS;
    }

    @Override
    public RetentionReport visitPerKeyRetentionReport(FunnelQLParser.PerKeyRetentionReportContext context) {
        return RetentionReport.PER_KEY;
    }

    // ---- expressions

    @Override
    public ExpressionNode visitPredicated(FunnelQLParser.PredicatedContext context) {
        return context.predicate() == null ? expression(context.valueExpression()) : expression(context.predicate());
    }

    @Override
    public ExpressionNode visitLogicalNot(FunnelQLParser.LogicalNotContext context) {
        return new ExpressionNode.Not(expression(context.booleanExpression()), location(context));
    }

    @Override
    public ExpressionNode visitLogicalAnd(FunnelQLParser.LogicalAndContext context) {
        return new ExpressionNode.Logical(LogicalOperator.AND, expression(context.left), expression(context.right), location(context));
    }

    @Override
    public ExpressionNode visitLogicalOr(FunnelQLParser.LogicalOrContext context) {
        return new ExpressionNode.Logical(LogicalOperator.OR, expression(context.left), expression(context.right), location(context));
    }

    @Override
    public ExpressionNode visitComparison(FunnelQLParser.ComparisonContext context) {
        return new ExpressionNode.Comparison(ComparisonOperator.fromSymbol(context.comparisonOperator().getText()),
                predicateValue(context), expression(context.right), location(context.getParent()));
    }

    @Override
    public ExpressionNode visitBetween(FunnelQLParser.BetweenContext context) {
        return new ExpressionNode.Between(predicateValue(context), expression(context.lower), expression(context.upper),
                context.NOT() != null, location(context.getParent()));
    }

    @Override
    public ExpressionNode visitInList(FunnelQLParser.InListContext context) {
        return new ExpressionNode.InList(predicateValue(context), list(context.valueExpression(), ExpressionNode.class),
                context.NOT() != null, location(context.getParent()));
    }

    @Override
    public ExpressionNode visitNullPredicate(FunnelQLParser.NullPredicateContext context) {
        return new ExpressionNode.IsNull(predicateValue(context), context.NOT() != null, location(context.getParent()));
    }

    @Override
    public ExpressionNode visitLike(FunnelQLParser.LikeContext context) {
        return new ExpressionNode.Like(predicateValue(context), expression(context.pattern), context.NOT() != null,
                location(context.getParent()));
    }

    @Override
    public ExpressionNode visitValueExpressionDefault(FunnelQLParser.ValueExpressionDefaultContext context) {
        return expression(context.primaryExpression());
    }

    @Override
    public ExpressionNode visitArithmeticUnary(FunnelQLParser.ArithmeticUnaryContext context) {
        return new ExpressionNode.Negation(expression(context.valueExpression()), location(context));
    }

    @Override
    public ExpressionNode visitArithmeticBinary(FunnelQLParser.ArithmeticBinaryContext context) {
        return new ExpressionNode.Arithmetic(ArithmeticOperator.fromSymbol(context.operator.getText()),
                expression(context.left), expression(context.right), location(context.operator));
    }

    @Override
    public ExpressionNode visitLiteralExpression(FunnelQLParser.LiteralExpressionContext context) {
        return expression(context.literal());
    }

    @Override
    public ExpressionNode visitParameterReference(FunnelQLParser.ParameterReferenceContext context) {
        return new ExpressionNode.ParameterReference(identifier(context.identifier()), location(context));
    }

    @Override
    public ExpressionNode visitColumnReference(FunnelQLParser.ColumnReferenceContext context) {
        return new ExpressionNode.ColumnReference(identifier(context.identifier()), location(context));
    }

    @Override
    public ExpressionNode visitParenthesizedExpression(FunnelQLParser.ParenthesizedExpressionContext context) {
        return expression(context.expression());
    }

    @Override
    public ExpressionNode visitNullLiteral(FunnelQLParser.NullLiteralContext context) {
        return new ExpressionNode.NullLiteral(location(context));
    }

    @Override
    public ExpressionNode visitBooleanLiteral(FunnelQLParser.BooleanLiteralContext context) {
        return new ExpressionNode.BooleanLiteral(context.TRUE() != null, location(context));
    }

    @Override
    public ExpressionNode visitIntegerLiteral(FunnelQLParser.IntegerLiteralContext context) {
        return new ExpressionNode.IntegerLiteral(context.getText(), location(context));
    }

    @Override
    public ExpressionNode visitDecimalLiteral(FunnelQLParser.DecimalLiteralContext context) {
        return new ExpressionNode.DecimalLiteral(context.getText(), location(context));
    }

    @Override
    public ExpressionNode visitStringLiteral(FunnelQLParser.StringLiteralContext context) {
        return new ExpressionNode.StringLiteral(unquote(context.getStart()), location(context));
    }

    @Override
    public ExpressionNode visitTimestampLiteral(FunnelQLParser.TimestampLiteralContext context) {
        return new ExpressionNode.TimestampLiteral(unquote(context.string().getStart()), location(context));
    }

    @Override
    public ExpressionNode visitDateLiteral(FunnelQLParser.DateLiteralContext context) {
        return new ExpressionNode.DateLiteral(unquote(context.string().getStart()), location(context));
    }

    @Override
    public ExpressionNode visitIntervalLiteral(FunnelQLParser.IntervalLiteralContext context) {
        return new ExpressionNode.IntervalLiteral(duration(context.duration()), location(context));
    }

    // ---- names

    @Override
    public QualifiedName visitQualifiedName(FunnelQLParser.QualifiedNameContext context) {
        return new QualifiedName(list(context.identifier(), Identifier.class), location(context));
    }

    @Override
    public Identifier visitUnquotedIdentifier(FunnelQLParser.UnquotedIdentifierContext context) {
        return new Identifier(context.getText(), false, location(context));
    }

    @Override
    public Identifier visitQuotedIdentifier(FunnelQLParser.QuotedIdentifierContext context) {
        String text = withoutNul(context.getStart(), "a quoted name");
        return new Identifier(text.substring(1, text.length() - 1).replace("\"\"", "\""), true, location(context));
    }

    @Override
    public Identifier visitKeywordIdentifier(FunnelQLParser.KeywordIdentifierContext context) {
        return new Identifier(context.getText(), false, location(context));
    }

    // ---- helpers

    private ExpressionNode expression(ParseTree tree) {
        return (ExpressionNode) visit(tree);
    }

    /** The value a predicate applies to: the valueExpression beside it in the enclosing 'predicated' node. */
    private ExpressionNode predicateValue(FunnelQLParser.PredicateContext predicate) {
        return expression(((FunnelQLParser.PredicatedContext) predicate.getParent()).valueExpression());
    }

    private Identifier identifier(FunnelQLParser.IdentifierContext context) {
        return (Identifier) visit(context);
    }

    private TypeNode type(FunnelQLParser.DataTypeContext context) {
        return (TypeNode) visit(context);
    }

    private Optional<TypeNode> optionalType(FunnelQLParser.DataTypeContext context) {
        return Optional.ofNullable(context).map(this::type);
    }

    private DurationNode duration(FunnelQLParser.DurationContext context) {
        return (DurationNode) visit(context);
    }

    private int offset(FunnelQLParser.OffsetNumberContext context) {
        long value = integer(context.INTEGER_VALUE().getSymbol());
        if (value > 100_000) {
            throw new ParsingException(location(context), "offset " + value + " is too large (at most 100000)");
        }
        return (int) value;
    }

    private <T> List<T> list(List<? extends ParserRuleContext> contexts, Class<T> type) {
        return contexts.stream().map(this::visit).map(type::cast).toList();
    }

    private static long integer(Token token) {
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException e) {
            throw new ParsingException(location(token), "number " + token.getText() + " is too large");
        }
    }

    private static String unquote(Token string) {
        String quoted = withoutNul(string, "a string");
        return quoted.substring(1, quoted.length() - 1).replace("''", "'");
    }

    /**
     * A quoted token's text, refused at the position of a NUL character inside it: no engine keeps
     * one (PostgreSQL rejects it in text and names, DuckDB ends the statement there), so the SQL
     * could not say what the spec says. Other control characters are kept; string literals write
     * them escaped (docs/dialects.md, "Text").
     */
    private static String withoutNul(Token token, String what) {
        String text = token.getText();
        int nul = text.indexOf('\0');
        if (nul < 0) {
            return text;
        }
        int lineStart = text.lastIndexOf('\n', nul);
        int line = token.getLine() + (int) text.substring(0, nul).chars().filter(c -> c == '\n').count();
        int column = lineStart < 0 ? token.getCharPositionInLine() + nul + 1 : nul - lineStart;
        throw new ParsingException(new SourceLocation(line, column), "a NUL character (U+0000) cannot be part of "
                + what + ": no engine keeps it (PostgreSQL rejects it, DuckDB ends the statement there); remove it");
    }

    private static SourceLocation location(ParserRuleContext context) {
        return location(context.getStart());
    }

    private static SourceLocation location(Token token) {
        return new SourceLocation(token.getLine(), token.getCharPositionInLine() + 1);
    }
}
