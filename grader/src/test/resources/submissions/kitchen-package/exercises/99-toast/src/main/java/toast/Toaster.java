package kitchen.grading;

public class Toaster {
}
