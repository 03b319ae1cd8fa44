package kitchen.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a graded test is worth. The grader awards them when the test passes and nothing when
 * it fails; a test without this annotation is feedback only (worth 0). The points of one exercise's
 * tests add up to the {@code points} its {@code exercise.properties} declares; the kit checks that.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    int value();
}
