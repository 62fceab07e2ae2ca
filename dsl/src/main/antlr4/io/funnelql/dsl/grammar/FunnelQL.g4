/*
 * The FunnelQL language: sources, parameters and the kinds of query.
 * docs/language.md is the user-facing description; keep the two in step.
 *
 * Every alternative of a rule that the AstBuilder turns into a node is labelled, so the
 * builder has one visit method per labelled alternative. Keywords are case-insensitive and
 * non-reserved: any keyword may also be used as a column or query name.
 */
grammar FunnelQL;

options { caseInsensitive = true; }

// One statement, terminated by ';'. The parser is driven statement by statement so that a
// syntax error in one statement does not hide errors in the next.
singleStatement
    : statement ';' EOF
    ;

statement
    : SOURCE name=identifier FROM TABLE table=qualifiedName
      '(' sourceElement (',' sourceElement)* ','? ')'                        # sourceDeclaration
    | PARAM name=identifier dataType (DEFAULT literal)?                       # parameterDeclaration
    | FUNNEL name=identifier FROM source=identifier funnelClause*            # funnelQuery
    | SESSIONS name=identifier FROM source=identifier sessionsClause*        # sessionsQuery
    | RETENTION name=identifier FROM source=identifier retentionClause*      # retentionQuery
    | METRIC name=identifier FROM source=identifier metricClause*            # metricQuery
    | SEQUENCE name=identifier FROM source=identifier sequenceClause*        # sequenceQuery
    | PATHS name=identifier FROM source=identifier pathsClause*              # pathsQuery
    ;

sourceElement
    : KEY column=identifier dataType?                                          # keyElement
    | TIME column=identifier dataType?                                         # timeElement
    | TENANT column=identifier dataType?                                       # tenantElement
    | EVENT ID column=identifier dataType?                                     # eventIdElement
    | EVENT NAME column=identifier dataType?                                   # eventNameElement
    | COLUMNS '(' columnDefinition (',' columnDefinition)* ','? ')'            # columnsElement
    ;

columnDefinition
    : identifier dataType
    ;

dataType
    : (VARCHAR | TEXT)                                                         # varcharType
    | (BIGINT | INTEGER | INT)                                                 # integerType
    | (DOUBLE | DECIMAL)                                                       # doubleType
    | BOOLEAN                                                                  # booleanType
    | TIMESTAMP                                                                # timestampType
    | DATE                                                                     # dateType
    ;

// Clauses may come in any order; each may appear once (exclusions excepted), which the
// semantic analysis checks so that the message can name both occurrences.
funnelClause
    : countByClause                                                            # funnelCountBy
    | whereClause                                                              # funnelWhere
    | WITHIN duration FROM anchor=(FIRST | PREVIOUS) STEP bound=(INCLUSIVE | EXCLUSIVE)?  # windowClause
    | ENTRY policy=(FIRST | LATEST | EVERY)                                    # entryClause
    | MODE modeName (',' modeName)*                                            # modeClause
    | PROFILE profile=identifier                                               # profileClause
    | TIES policy=(ALLOWED | FORBIDDEN)                                        # tiesClause
    | nullConditionClause                                                      # funnelNullCondition
    | STEPS '(' namedCondition (',' namedCondition)* ','? ')'                  # stepsClause
    | EXCLUDE namedCondition (BETWEEN from=identifier AND to=identifier)?      # exclusionClause
    | BREAKDOWN BY column=identifier ATTRIBUTED TO attribution                 # breakdownClause
    | REPORT funnelReport                                                      # funnelReportClause
    ;

modeName
    : identifier
    ;

attribution
    : FIRST STEP                                                               # firstStepAttribution
    | LAST STEP                                                                # lastStepAttribution
    | STEP step=identifier                                                     # namedStepAttribution
    ;

funnelReport
    : STEPS                                                                    # stepsReport
    | PER KEY                                                                  # perKeyReport
    | TIME TO CONVERT                                                          # timeToConvertReport
    ;

sessionsClause
    : countByClause                                                            # sessionsCountBy
    | whereClause                                                              # sessionsWhere
    | GAP duration                                                             # gapClause
    | MAX LENGTH duration                                                      # maxLengthClause
    | LATE BY duration                                                         # latenessClause
    | REPORT report=(SESSIONS | EVENTS)                                        # sessionsReportClause
    ;

retentionClause
    : countByClause                                                            # retentionCountBy
    | whereClause                                                              # retentionWhere
    | COHORT kind=(FIRST | RECURRING) expression                               # cohortClause
    | RETURN expression                                                        # returnClause
    | PERIOD unit=(DAY | WEEK | MONTH)                                         # calendarPeriodClause
    | PERIOD ROLLING duration                                                  # rollingPeriodClause
    | TIME ZONE zone=string                                                    # timeZoneClause
    | OFFSETS offsetNumber (',' offsetNumber)*                                 # offsetListClause
    | OFFSETS from=offsetNumber TO to=offsetNumber                             # offsetRangeClause
    | RETURNING ON (OR AFTER)?                                                 # returningClause
    | CONDITIONS '(' namedCondition (',' namedCondition)* ','? ')'             # conditionsClause
    | nullConditionClause                                                      # retentionNullCondition
    | REPORT retentionReport                                                   # retentionReportClause
    ;

retentionReport
    : COHORTS                                                                  # cohortsReport
    | PER KEY                                                                  # perKeyRetentionReport
    ;

offsetNumber
    : INTEGER_VALUE
    ;

metricClause
    : whereClause                                                              # metricWhere
    | PER unit=(DAY | WEEK | MONTH)                                            # metricPeriodClause
    | TIME ZONE zone=string                                                    # metricTimeZoneClause
    | SUM identifier (',' identifier)*                                         # sumClause
    ;

// A pattern over named conditions, as ClickHouse's sequenceMatch writes it; the analyzer parses
// the pattern text so that its errors point inside the string.
sequenceClause
    : countByClause                                                            # sequenceCountBy
    | whereClause                                                              # sequenceWhere
    | PROFILE profile=identifier                                               # sequenceProfileClause
    | nullConditionClause                                                      # sequenceNullCondition
    | CONDITIONS '(' namedCondition (',' namedCondition)* ','? ')'             # sequenceConditionsClause
    | PATTERN pattern=string                                                   # patternClause
    | REPORT sequenceReport                                                    # sequenceReportClause
    ;

sequenceReport
    : PER KEY                                                                  # perKeySequenceReport
    | SUMMARY                                                                  # summarySequenceReport
    | EVENTS                                                                   # eventsSequenceReport
    | direction=(NEXT | PREVIOUS) NODE value=identifier FROM base=identifier
      (BASE '(' condition=expression ')')?                                     # nodeSequenceReport
    ;

// The top transitions after (or before) each key's first anchor event, depth by depth; the
// analyzer checks which clauses are required and the bounds of depth and top.
pathsClause
    : countByClause                                                            # pathsCountBy
    | whereClause                                                              # pathsWhere
    | direction=(START | END) AT expression                                    # anchorClause
    | WITHIN SESSION GAP duration                                              # pathSessionGapClause
    | WITHIN duration                                                          # pathWindowClause
    | DEPTH INTEGER_VALUE                                                      # depthClause
    | NODE column=identifier                                                   # nodeClause
    | CLEAN '(' cleanRule (',' cleanRule)* ','? ')'                            # cleanClause
    | COLLAPSE REPEATS                                                         # collapseClause
    | TOP INTEGER_VALUE                                                        # topClause
    | REPORT TRANSITIONS                                                       # pathsReportClause
    ;

cleanRule
    : label=string ':' expression
    ;

countByClause
    : COUNT BY identifier (',' identifier)*
    ;

whereClause
    : WHERE expression
    ;

nullConditionClause
    : NULL CONDITION SKIPS ROW                                                 # nullSkipsRow
    | NULL CONDITION IS FALSE                                                  # nullIsFalse
    ;

namedCondition
    : name=identifier ':' expression
    ;

duration
    : amount=INTEGER_VALUE unit=timeUnit
    ;

timeUnit
    : MICROSECOND | MILLISECOND | SECOND | MINUTE | HOUR | DAY | WEEK | MONTH | YEAR
    ;

expression
    : booleanExpression
    ;

booleanExpression
    : valueExpression predicate?                                               # predicated
    | NOT booleanExpression                                                    # logicalNot
    | left=booleanExpression AND right=booleanExpression                       # logicalAnd
    | left=booleanExpression OR right=booleanExpression                        # logicalOr
    ;

// A predicate applies to the valueExpression just before it (its parent's child).
predicate
    : comparisonOperator right=valueExpression                                 # comparison
    | NOT? BETWEEN lower=valueExpression AND upper=valueExpression             # between
    | NOT? IN '(' valueExpression (',' valueExpression)* ')'                   # inList
    | IS NOT? NULL                                                             # nullPredicate
    | NOT? LIKE pattern=valueExpression                                        # like
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

valueExpression
    : primaryExpression                                                        # valueExpressionDefault
    | operator=MINUS valueExpression                                           # arithmeticUnary
    | left=valueExpression operator=(ASTERISK | SLASH) right=valueExpression   # arithmeticBinary
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression       # arithmeticBinary
    ;

primaryExpression
    : literal                                                                  # literalExpression
    | ':' identifier                                                           # parameterReference
    | identifier                                                               # columnReference
    | '(' expression ')'                                                       # parenthesizedExpression
    ;

literal
    : NULL                                                                     # nullLiteral
    | (TRUE | FALSE)                                                           # booleanLiteral
    | INTEGER_VALUE                                                            # integerLiteral
    | DECIMAL_VALUE                                                            # decimalLiteral
    | string                                                                   # stringLiteral
    | TIMESTAMP string                                                         # timestampLiteral
    | DATE string                                                              # dateLiteral
    | INTERVAL duration                                                        # intervalLiteral
    ;

string
    : STRING
    ;

qualifiedName
    : identifier ('.' identifier)*
    ;

identifier
    : IDENTIFIER                                                               # unquotedIdentifier
    | QUOTED_IDENTIFIER                                                        # quotedIdentifier
    | nonReserved                                                              # keywordIdentifier
    ;

// Every keyword is non-reserved; KeywordsTest pins this list.
nonReserved
    : AFTER | ALLOWED | AND | AT | ATTRIBUTED | BASE | BETWEEN | BIGINT | BOOLEAN | BREAKDOWN | BY
    | CLEAN | COHORT | COHORTS | COLLAPSE | COLUMNS | CONDITION | CONDITIONS | CONVERT | COUNT | DATE | DAY
    | DECIMAL | DEFAULT | DEPTH | DOUBLE | END | ENTRY | EVENT | EVENTS | EVERY | EXCLUDE | EXCLUSIVE
    | FALSE | FIRST | FORBIDDEN | FROM | FUNNEL | GAP | HOUR | ID | IN | INCLUSIVE | INT
    | INTEGER | INTERVAL | IS | KEY | LAST | LATE | LATEST | LENGTH | LIKE | MAX | METRIC | MICROSECOND
    | MILLISECOND | MINUTE | MODE | MONTH | NAME | NEXT | NODE | NOT | NULL | OFFSETS | ON | OR | PARAM | PATHS | PATTERN
    | PER | PERIOD | PREVIOUS | PROFILE | RECURRING | REPEATS | REPORT | RETENTION | RETURN | RETURNING
    | ROLLING | ROW | SECOND | SEQUENCE | SESSION | SESSIONS | SKIPS | SOURCE | START | STEP | STEPS | SUM | SUMMARY
    | TABLE | TENANT | TEXT | TIES | TIME | TIMESTAMP | TO | TOP | TRANSITIONS | TRUE | VARCHAR | WEEK | WHERE | WITHIN
    | YEAR | ZONE
    ;

AFTER: 'after';
ALLOWED: 'allowed';
AND: 'and';
AT: 'at';
ATTRIBUTED: 'attributed';
BASE: 'base';
BETWEEN: 'between';
BIGINT: 'bigint';
BOOLEAN: 'boolean';
BREAKDOWN: 'breakdown';
BY: 'by';
CLEAN: 'clean';
COHORT: 'cohort';
COHORTS: 'cohorts';
COLLAPSE: 'collapse';
COLUMNS: 'columns';
CONDITION: 'condition';
CONDITIONS: 'conditions';
CONVERT: 'convert';
COUNT: 'count';
DATE: 'date';
DAY: 'day' 's'?;
DECIMAL: 'decimal';
DEFAULT: 'default';
DEPTH: 'depth';
DOUBLE: 'double';
END: 'end';
ENTRY: 'entry';
EVENT: 'event';
EVENTS: 'events';
EVERY: 'every';
EXCLUDE: 'exclude';
EXCLUSIVE: 'exclusive';
FALSE: 'false';
FIRST: 'first';
FORBIDDEN: 'forbidden';
FROM: 'from';
FUNNEL: 'funnel';
GAP: 'gap';
HOUR: 'hour' 's'?;
ID: 'id';
IN: 'in';
INCLUSIVE: 'inclusive';
INT: 'int';
INTEGER: 'integer';
INTERVAL: 'interval';
IS: 'is';
KEY: 'key';
LAST: 'last';
LATE: 'late';
LATEST: 'latest';
LENGTH: 'length';
LIKE: 'like';
MAX: 'max';
METRIC: 'metric';
MICROSECOND: 'microsecond' 's'?;
MILLISECOND: 'millisecond' 's'?;
MINUTE: 'minute' 's'?;
MODE: 'mode';
MONTH: 'month' 's'?;
NAME: 'name';
NEXT: 'next';
NODE: 'node';
NOT: 'not';
NULL: 'null';
OFFSETS: 'offsets';
ON: 'on';
OR: 'or';
PARAM: 'param';
PATHS: 'paths';
PATTERN: 'pattern';
PER: 'per';
PERIOD: 'period';
PREVIOUS: 'previous';
PROFILE: 'profile';
RECURRING: 'recurring';
REPEATS: 'repeats';
REPORT: 'report';
RETENTION: 'retention';
RETURN: 'return';
RETURNING: 'returning';
ROLLING: 'rolling';
ROW: 'row';
SECOND: 'second' 's'?;
SEQUENCE: 'sequence';
SESSION: 'session';
SESSIONS: 'sessions';
SKIPS: 'skips';
SOURCE: 'source';
START: 'start';
STEP: 'step';
STEPS: 'steps';
SUM: 'sum';
SUMMARY: 'summary';
TABLE: 'table';
TENANT: 'tenant';
TEXT: 'text';
TIES: 'ties';
TIME: 'time';
TIMESTAMP: 'timestamp';
TO: 'to';
TOP: 'top';
TRANSITIONS: 'transitions';
TRUE: 'true';
VARCHAR: 'varchar';
WEEK: 'week' 's'?;
WHERE: 'where';
WITHIN: 'within';
YEAR: 'year' 's'?;
ZONE: 'zone';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT+
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_')*
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

fragment DIGIT: [0-9];
fragment LETTER: [a-z];

LINE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WHITESPACE
    : [ \t\r\n]+ -> channel(HIDDEN)
    ;

// Anything else becomes one token, so the parser reports it with its position.
UNRECOGNIZED
    : .
    ;
