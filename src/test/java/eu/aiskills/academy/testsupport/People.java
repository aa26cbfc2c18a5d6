package eu.aiskills.academy.testsupport;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import eu.aiskills.academy.identity.AccountId;
import eu.aiskills.academy.identity.NewAccount;
import eu.aiskills.academy.identity.Registration;
import eu.aiskills.academy.identity.Role;
import eu.aiskills.academy.identity.SystemActor;

/** Accounts for tests, made as the platform makes them: through registration, by the platform itself. */
public final class People {

    /** Every test account's password (strong enough for the registration rules). */
    public static final String PASSWORD = "Tram-Gravel-Orbit-7";

    private People() {
    }

    /** A new account with these roles; signing in with {@link #PASSWORD} works at once. */
    public static AccountId create(Registration registration, String email, String name, Role first, Role... more) {
        return SystemActor.call(() -> registration.createAccount(NewAccount.of(email, name, PASSWORD, EnumSet.of(first, more), null)));
    }

    /** {@code count} new students, {@code <prefix><n>@example.org} named "Learner {@code <prefix> <n>}"; their e-mails. */
    public static List<String> students(Registration registration, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> {
            String email = prefix + n + "@example.org";
            create(registration, email, "Learner " + prefix + " " + n, Role.STUDENT);
            return email;
        }).toList();
    }
}
