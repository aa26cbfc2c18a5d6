package eu.aiskills.academy.faults;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import eu.aiskills.academy.AcademyApplication;
import eu.aiskills.academy.catalogue.Catalogue;
import eu.aiskills.academy.catalogue.CourseDetail;
import eu.aiskills.academy.catalogue.CourseRun;
import eu.aiskills.academy.enrolment.Enrolments;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;
import eu.aiskills.academy.labs.LabNotebook;
import eu.aiskills.academy.labs.Labs;
import eu.aiskills.academy.testsupport.KaribuSupport;
import eu.aiskills.academy.testsupport.TestCourses;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The whole platform in a process of its own, for {@link ProcessKillTest}: it reads one command a
 * line from standard input, runs it through the real services as the person it names, and answers
 * one line starting with {@value #REPLY}. {@code arm <regex>} (case-insensitive) makes the next SQL statement that
 * matches stop its thread right after the statement ran, inside its transaction, and say so: the
 * test then kills the process (SIGKILL), as a crash or an operator's {@code kill -9} would.
 */
public final class CrashingAcademy {

    static final String REPLY = "CRASHTEST ";

    private static volatile Pattern armed;

    private CrashingAcademy() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = new SpringApplication(AcademyApplication.class, KillSwitch.class).run(args);
        reply("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                reply("OK " + command(context, line, line.split(" ")));
            } catch (Exception e) {
                reply("ERR " + e);
            }
        }
        // Standard input closed: the test's clean stop.
        context.close();
    }

    private static Object command(ConfigurableApplicationContext context, String line, String[] words) throws Exception {
        Enrolments enrolments = context.getBean(Enrolments.class);
        Catalogue catalogue = context.getBean(Catalogue.class);
        Labs labs = context.getBean(Labs.class);
        return switch (words[0]) {
            case "arm" -> {
                armed = Pattern.compile(line.substring("arm ".length()), Pattern.CASE_INSENSITIVE);
                yield "armed";
            }
            case "person" -> KaribuSupport.person(context, words[1], words[2], Role.valueOf(words[3]));
            case "enrol" -> KaribuSupport.as(context, words[1], () -> enrolments.enrol(run(catalogue, words[2], words[3]).id()).status());
            case "complete" -> KaribuSupport.as(context, words[1], () -> TestCourses.completeLessons(context, words[2]).status());
            case "save" -> KaribuSupport.as(context, words[1], () -> {
                LabNotebook notebook = labs.myNotebook(words[2]);
                String marker = words[3];
                LabNotebook edited = notebook.withCells(notebook.cells().stream()
                        .map(cell -> cell.locked() ? cell : cell.withSource("# " + marker + "\n" + cell.source())).toList());
                return labs.save(words[2], edited, "save").revision();
            });
            default -> throw new IllegalArgumentException("Unknown command " + words[0]);
        };
    }

    private static CourseRun run(Catalogue catalogue, String courseSlug, String runCode) {
        CourseDetail course = SystemActor.call(() -> catalogue.publishedCourse(courseSlug)).orElseThrow();
        return SystemActor.call(() -> catalogue.runsOf(course.summary().id())).stream().filter(r -> r.code().equals(runCode)).findFirst().orElseThrow();
    }

    private static void reply(String text) {
        System.out.println(REPLY + text);
        System.out.flush();
    }

    /** Where an armed statement ran: the thread stays here, its transaction open, until the process is killed. */
    private static void halt(String sql) {
        reply("HALTED " + sql.replaceAll("\\s+", " "));
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Still halted: only the kill ends this.
            }
        }
    }

    /** Puts every connection of the application's data source behind the armed check. */
    static final class KillSwitch implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource dataSource && !(bean instanceof Watched) ? new Watched(dataSource) : bean;
        }
    }

    static final class Watched extends DelegatingDataSource {

        Watched(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return watched(Connection.class, super.getConnection(), null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return watched(Connection.class, super.getConnection(username, password), null);
        }

        /** A connection whose statements, and a statement that checks its SQL after each execution. */
        @SuppressWarnings("unchecked")
        private static <T> T watched(Class<T> type, T target, String preparedSql) {
            InvocationHandler handler = (proxy, method, args) -> {
                Object result = invoke(method, target, args);
                if (result instanceof Statement statement && !(Proxy.isProxyClass(result.getClass()))) {
                    String sql = method.getName().startsWith("prepare") && args != null && args[0] instanceof String s ? s : null;
                    Class<? extends Statement> kind = statement instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                            : statement instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
                    return watched((Class<Statement>) kind, statement, sql);
                }
                if (method.getName().startsWith("execute") && !(target instanceof Connection)) {
                    String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 && args[0] instanceof String s ? s : "";
                    Pattern pattern = armed;
                    if (pattern != null && pattern.matcher(sql).find()) {
                        armed = null;
                        halt(sql);
                    }
                }
                return result;
            };
            return (T) Proxy.newProxyInstance(CrashingAcademy.class.getClassLoader(), new Class<?>[]{type}, handler);
        }

        private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
