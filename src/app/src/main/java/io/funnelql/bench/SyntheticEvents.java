package io.funnelql.bench;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Source;
import io.funnelql.events.EventTable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic clickstream: the same (events, users, seed) always gives the same rows.
 * User activity follows Zipf's law (the user of rank r has weight 1/r), so at 10M events and
 * 20,000 users about nine keys have 100k+ events; users belong to one of four tenants; each user's
 * events come in sessions whose next event name depends on the previous one (a Markov chain over
 * realistic names); times are whole seconds, so equal timestamps (ties) are common.
 *
 * <p>Kept as primitive columns in key order (tenant, user, time): the presorted form is a slice
 * per key, the unsorted form a seeded shuffle of the same rows.
 */
public final class SyntheticEvents {
    public static final List<String> TENANTS = List.of("acme", "globex", "initech", "umbrella");
    public static final List<String> EVENT_NAMES =
            List.of("signup", "login", "page_view", "search", "add_to_cart", "purchase", "refund");
    /** 2024-10-01 00:00:00 UTC; events spread over the 30 days after it. */
    static final long PERIOD_START = LocalDateTime.of(2024, 10, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    static final long PERIOD_SECONDS = 30L * 24 * 3600;
    private static final int SIGNUP = 0;
    private static final int LOGIN = 1;
    private static final int PAGE_VIEW = 2;
    private static final int SEARCH = 3;
    private static final int ADD_TO_CART = 4;
    private static final int PURCHASE = 5;
    private static final int REFUND = 6;
    /** Row i: the probability of each next event name after name i (same order as EVENT_NAMES). */
    private static final double[][] NEXT = {
            {0, 0, 0.9, 0.1, 0, 0, 0},           // signup
            {0, 0, 0.8, 0.2, 0, 0, 0},           // login
            {0, 0, 0.5, 0.2, 0.3, 0, 0},         // page_view
            {0, 0, 0.8, 0.15, 0.05, 0, 0},       // search
            {0, 0, 0.45, 0.1, 0.1, 0.35, 0},     // add_to_cart
            {0, 0, 0.75, 0.2, 0, 0, 0.05},       // purchase
            {0, 0, 1, 0, 0, 0, 0},               // refund
    };
    private static final int MEAN_SESSION_EVENTS = 8;
    private static final double MEAN_GAP_SECONDS = 40;
    /** The share of events at exactly their predecessor's second, on top of gaps that round to 0. */
    private static final double TIE_SHARE = 0.05;

    private final int users;
    private final int[] userOfRow;
    private final long[] secondOfRow;
    private final byte[] nameOfRow;
    private final int[] firstRowOfUser;
    private final int[] eventsOfUser;
    private final ValueCache cache;

    private SyntheticEvents(int users, int[] userOfRow, long[] secondOfRow, byte[] nameOfRow, int[] firstRowOfUser,
                            int[] eventsOfUser) {
        this.users = users;
        this.userOfRow = userOfRow;
        this.secondOfRow = secondOfRow;
        this.nameOfRow = nameOfRow;
        this.firstRowOfUser = firstRowOfUser;
        this.eventsOfUser = eventsOfUser;
        this.cache = new ValueCache(users);
    }

    public static SyntheticEvents generate(int events, int users, long seed) {
        if (events < 0 || users < 1) {
            throw new IllegalArgumentException("need events >= 0 and users >= 1");
        }
        int[] perUser = zipfCounts(events, users);
        int[] userOfRow = new int[events];
        long[] secondOfRow = new long[events];
        byte[] nameOfRow = new byte[events];
        int[] firstRowOfUser = new int[users];
        int row = 0;
        // Users in key order: tenant by tenant (alphabetical), user ids ascending within a tenant.
        for (int tenant = 0; tenant < TENANTS.size(); tenant++) {
            for (int user = tenant; user < users; user += TENANTS.size()) {
                firstRowOfUser[user] = row;
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + user);
                fillUser(random, perUser[user], row, secondOfRow, nameOfRow);
                Arrays.fill(userOfRow, row, row + perUser[user], user);
                row += perUser[user];
            }
        }
        return new SyntheticEvents(users, userOfRow, secondOfRow, nameOfRow, firstRowOfUser, perUser);
    }

    /** Event counts per user (index = Zipf rank - 1), summing to exactly {@code events} (largest remainders). */
    static int[] zipfCounts(int events, int users) {
        double harmonic = 0;
        for (int rank = 1; rank <= users; rank++) {
            harmonic += 1.0 / rank;
        }
        int[] counts = new int[users];
        double[] remainders = new double[users];
        long assigned = 0;
        for (int user = 0; user < users; user++) {
            double share = events / (harmonic * (user + 1));
            counts[user] = (int) share;
            remainders[user] = share - counts[user];
            assigned += counts[user];
        }
        Integer[] byRemainder = new Integer[users];
        Arrays.setAll(byRemainder, i -> i);
        Arrays.sort(byRemainder, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int i = 0; assigned < events; i++, assigned++) {
            counts[byRemainder[i % users]]++;
        }
        return counts;
    }

    /** One user's events in time order: sessions at uniform random starts, a signup first. */
    private static void fillUser(SplittableRandom random, int count, int from, long[] seconds, byte[] names) {
        if (count == 0) {
            return;
        }
        int sessions = Math.max(1, (count + MEAN_SESSION_EVENTS - 1) / MEAN_SESSION_EVENTS);
        long[] starts = new long[sessions];
        for (int i = 0; i < sessions; i++) {
            starts[i] = PERIOD_START + random.nextLong(PERIOD_SECONDS);
        }
        Arrays.sort(starts);
        // A heavy user's gaps shrink so its events still fit the period: a bot clicks every second or two.
        double meanGap = Math.min(MEAN_GAP_SECONDS, PERIOD_SECONDS / 2.0 / count);
        long time = starts[0];
        int name = SIGNUP;
        int session = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                boolean newSession = session + 1 < sessions && random.nextInt(MEAN_SESSION_EVENTS) == 0;
                if (newSession) {
                    session++;
                    time = Math.max(time, starts[session]);
                    name = random.nextInt(4) == 0 ? LOGIN : PAGE_VIEW;
                } else {
                    if (random.nextDouble() >= TIE_SHARE) {
                        time += Math.round(-meanGap * Math.log(1 - random.nextDouble()));
                    }
                    name = next(random, name);
                }
            }
            seconds[from + i] = time;
            names[from + i] = (byte) name;
        }
    }

    private static int next(SplittableRandom random, int previous) {
        double draw = random.nextDouble();
        double[] row = NEXT[previous];
        for (int name = 0; name < row.length; name++) {
            draw -= row[name];
            if (draw < 0) {
                return name;
            }
        }
        return PAGE_VIEW;
    }

    public int rowCount() {
        return userOfRow.length;
    }

    public int users() {
        return users;
    }

    /** Events per user, by user index (the Zipf rank minus one): the skew. */
    public int[] eventsPerUser() {
        return eventsOfUser.clone();
    }

    public static String tenant(int user) {
        return TENANTS.get(user % TENANTS.size());
    }

    public static long userId(int user) {
        return user + 1L;
    }

    /** Row i as (tenant, user id, epoch second, event name): for tests and the naive baselines' checks. */
    public List<Object> row(int row) {
        return List.of(tenant(userOfRow[row]), userId(userOfRow[row]), secondOfRow[row],
                EVENT_NAMES.get(nameOfRow[row]));
    }

    /** All rows, shuffled with the seed: the order a warehouse table has, not sorted by key. */
    public EventTable unsorted(Source source, long seed) {
        int[] order = new int[rowCount()];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return table(source, order, 0, order.length);
    }

    /** One table per key that has events, in key order: what a stream ordered by key hands the executor. */
    public List<EventTable> presortedByKey(Source source) {
        int[] order = new int[rowCount()];
        Arrays.setAll(order, i -> i);
        List<EventTable> keys = new ArrayList<>();
        for (int tenant = 0; tenant < TENANTS.size(); tenant++) {
            for (int user = tenant; user < users; user += TENANTS.size()) {
                int from = firstRowOfUser[user];
                int to = from + eventsOfUser[user];
                if (to > from) {
                    keys.add(table(source, order, from, to));
                }
            }
        }
        return keys;
    }

    /**
     * Rows order[from..to) as the source's columns: tenant, key, time and event name columns by
     * their roles in the source (or their names tenant_id, user_id, occurred_at, event_name);
     * any other column is NULL.
     */
    private EventTable table(Source source, int[] order, int from, int to) {
        List<Column> columns = source.columns();
        Object[][] values = new Object[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            Object[] column = new Object[to - from];
            Role role = Role.of(source, columns.get(c));
            for (int i = from; i < to; i++) {
                int row = order[i];
                column[i - from] = switch (role) {
                    case TENANT -> tenant(userOfRow[row]);
                    case USER -> cache.userId(userOfRow[row]);
                    case TIME -> cache.timestamp(secondOfRow[row]);
                    case EVENT_NAME -> EVENT_NAMES.get(nameOfRow[row]);
                    case OTHER -> null;
                };
            }
            values[c] = column;
        }
        return EventTable.ofColumns(source, values);
    }

    private enum Role {
        TENANT, USER, TIME, EVENT_NAME, OTHER;

        static Role of(Source source, Column column) {
            String name = column.name().value().toLowerCase(Locale.ROOT);
            if (source.tenant().map(column::equals).orElse(name.equals("tenant_id"))) {
                return TENANT;
            }
            if (column.equals(source.key()) || name.equals("user_id")) {
                return USER;
            }
            if (column.equals(source.time())) {
                return TIME;
            }
            if (source.eventName().map(column::equals).orElse(name.equals("event_name"))) {
                return EVENT_NAME;
            }
            return OTHER;
        }
    }

    /** Shares the boxed values: one Long per user, one LocalDate per day, one LocalTime per second of the day. */
    private static final class ValueCache {
        private final Long[] userIds;
        private final LocalDate[] days = new LocalDate[64];
        private final LocalTime[] secondsOfDay = new LocalTime[86_400];

        ValueCache(int users) {
            userIds = new Long[users];
        }

        Long userId(int user) {
            Long id = userIds[user];
            return id != null ? id : (userIds[user] = SyntheticEvents.userId(user));
        }

        LocalDateTime timestamp(long epochSecond) {
            long offset = epochSecond - PERIOD_START;
            int day = (int) Math.floorDiv(offset, 86_400L);
            int second = (int) Math.floorMod(offset, 86_400L);
            if (day < 0 || day >= days.length) {
                return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            }
            if (days[day] == null) {
                days[day] = LocalDate.of(2024, 10, 1).plusDays(day);
            }
            if (secondsOfDay[second] == null) {
                secondsOfDay[second] = LocalTime.ofSecondOfDay(second);
            }
            return LocalDateTime.of(days[day], secondsOfDay[second]);
        }
    }
}
